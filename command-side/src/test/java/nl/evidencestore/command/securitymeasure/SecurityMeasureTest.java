package nl.evidencestore.command.securitymeasure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.evidencestore.shared.event.securitymeasure.SecurityMeasureRecorded;
import nl.evidencestore.shared.model.SecurityMeasureId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecurityMeasureTest {
    private static final SecurityMeasureId MFA = SecurityMeasureId.of("sm-mfa-support");
    private static final LocalDate SINCE = LocalDate.of(2025, 9, 1);

    private final AggregateTestFixture<SecurityMeasure> fixture = new AggregateTestFixture<>(SecurityMeasure.class);

    @Test
    @DisplayName("Art. 5: a measure is recorded with what it is, since when, and its evidence")
    void art5RecordsAMeasureWithItsEvidence() {
        fixture.givenNoPriorActivity()
                .when(new RecordSecurityMeasure(MFA, "Two-factor sign-in for remote support", SINCE, "ISMS-2025-17"))
                .expectEvents(new SecurityMeasureRecorded(MFA, "Two-factor sign-in for remote support", SINCE, "ISMS-2025-17"));
    }

    @Test
    @DisplayName("Art. 5: a measure without a reference to its evidence is refused")
    void art5RefusesAMeasureWithoutEvidence() {
        assertThatThrownBy(() -> new RecordSecurityMeasure(MFA, "Two-factor sign-in", SINCE, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("evidenceReference is required");
    }
}
