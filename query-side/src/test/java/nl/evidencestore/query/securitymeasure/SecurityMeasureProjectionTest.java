package nl.evidencestore.query.securitymeasure;

import static nl.evidencestore.query.Fixtures.forwarded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.evidencestore.shared.event.securitymeasure.SecurityMeasureRecorded;
import nl.evidencestore.shared.model.SecurityMeasureId;
import org.junit.jupiter.api.Test;

class SecurityMeasureProjectionTest {
    private static final Instant RECORDED = Instant.parse("2026-03-02T08:00:00Z");
    private final SecurityMeasureProjection projection = new SecurityMeasureProjection();

    @Test
    void listsTheMeasuresOldestFirstWithWhenTheStoreRecordedThem() {
        projection.on(forwarded("ev-2", 1, 12, RECORDED, new SecurityMeasureRecorded(SecurityMeasureId.of("sm-backup"),
                "Encrypted off-site backups", LocalDate.of(2025, 1, 1), "ISMS-2025-02")));
        projection.on(forwarded("ev-1", 1, 11, RECORDED, new SecurityMeasureRecorded(SecurityMeasureId.of("sm-mfa"),
                "Two-factor sign-in", LocalDate.of(2024, 6, 1), "ISMS-2024-11")));

        assertThat(projection.all()).extracting(SecurityMeasureProjection.Measure::measureId)
                .containsExactly("sm-mfa", "sm-backup");
        assertThat(projection.all().get(0).recordedAt()).isEqualTo(RECORDED);
    }
}
