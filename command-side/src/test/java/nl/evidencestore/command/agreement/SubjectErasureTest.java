package nl.evidencestore.command.agreement;

import static nl.evidencestore.command.agreement.AgreementTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.evidencestore.command.access.AccessPolicy;
import nl.evidencestore.command.subject.EraseSubject;
import nl.evidencestore.command.subject.SealsInMemory;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.agreement.SubjectErased;
import nl.evidencestore.shared.rules.EmployeeRegister;
import nl.evidencestore.shared.subject.SealedSubject;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Crypto-shredding as the agreement records it: the key destroyed, its id on the record, never the reference. */
class SubjectErasureTest {
    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    private static final String SUBJECT = "patient-0815";

    private final SealsInMemory seals = new SealsInMemory();
    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerInjectableResource(seals);
        fixture.registerInjectableResource((EmployeeRegister) (id, at) -> true);
        fixture.registerInjectableResource(new AccessPolicy(Duration.ofHours(24)));
    }

    @Test
    void erasingASubjectDestroysTheKeyOfTheAgreementsControllerAndRecordsItsId() {
        SealedSubject sealed = seals.sealOf(draft().controller().id(), SUBJECT);

        fixture.given(drafted()).andGivenCurrentTime(NOW)
                .when(new EraseSubject("erasure-1", AGREEMENT, SUBJECT, TODAY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SubjectErased(AGREEMENT, "erasure-1", sealed.keyId(), TODAY));
    }

    @Test
    void aSubjectWithoutAKeyIsErasedAllTheSameWithoutAKeyId() {
        fixture.given(drafted()).andGivenCurrentTime(NOW)
                .when(new EraseSubject("erasure-2", AGREEMENT, "patient-never-seen", TODAY))
                .expectEvents(new SubjectErased(AGREEMENT, "erasure-2", null, TODAY));
    }

    @Test
    void aRequestDatedInTheFutureIsRefused() {
        fixture.given(drafted()).andGivenCurrentTime(NOW)
                .when(new EraseSubject("erasure-4", AGREEMENT, SUBJECT, TODAY.plusDays(2)))
                .expectException(RuleViolation.class);
    }

    @Test
    void theCommandNeverShowsTheReference() {
        assertThatThrownBy(() -> new EraseSubject("erasure-5", AGREEMENT, "x".repeat(201), TODAY))
                .hasMessage("subjectRef is longer than 200 characters");
        assertThat(new EraseSubject("erasure-5", AGREEMENT, SUBJECT, TODAY).toString())
                .doesNotContain(SUBJECT);
    }
}
