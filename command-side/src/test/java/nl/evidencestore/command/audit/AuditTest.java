package nl.evidencestore.command.audit;

import java.time.LocalDate;
import nl.evidencestore.command.agreement.AgreementsKnown;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.audit.AuditRequested;
import nl.evidencestore.shared.event.audit.FindingsShared;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AuditId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditTest {
    private static final AuditId AUDIT = AuditId.of("audit-2026-q2");
    private static final AgreementId AGREEMENT = AgreementId.of("agr-noord");
    private static final LocalDate REQUESTED = LocalDate.of(2026, 4, 1);
    private static final AuditRequested REQUESTED_EVENT = new AuditRequested(AUDIT, AGREEMENT, REQUESTED, "K. Visser RE");

    private AggregateTestFixture<Audit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Audit.class);
        fixture.registerInjectableResource(AgreementsKnown.only(AGREEMENT));
    }

    @Test
    @DisplayName("Art. 9.1: the controller requests an audit of an agreement")
    void art9_1RecordsTheRequestOfAnAudit() {
        fixture.givenNoPriorActivity()
                .when(new RequestAudit(AUDIT, AGREEMENT, REQUESTED, "K. Visser RE"))
                .expectEvents(REQUESTED_EVENT);
    }

    @Test
    @DisplayName("Art. 9.1: an audit of an agreement the store does not know is refused")
    void art9_1RefusesAnAuditOfAnUnknownAgreement() {
        fixture.givenNoPriorActivity()
                .when(new RequestAudit(AUDIT, AgreementId.of("agr-unknown"), REQUESTED, "K. Visser RE"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("no agreement with this id exists")
                .expectNoEvents();
    }

    @Test
    @DisplayName("Art. 9.3: findings are recorded as shared with the processor")
    void art9_3RecordsSharedFindings() {
        fixture.given(REQUESTED_EVENT)
                .when(new ShareFindings(AUDIT, "f-1", "Access logs complete; two accounts without 2FA", REQUESTED.plusDays(20)))
                .expectEvents(new FindingsShared(AUDIT, AGREEMENT, "f-1", "Access logs complete; two accounts without 2FA",
                        REQUESTED.plusDays(20)));
    }

    @Test
    @DisplayName("Art. 9.3: findings dated after the day they are recorded are refused")
    void art9_3RefusesFindingsDatedInTheFuture() {
        fixture.givenCurrentTime(REQUESTED.plusDays(5).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .andGiven(REQUESTED_EVENT)
                .when(new ShareFindings(AUDIT, "f-1", "Findings", REQUESTED.plusDays(20)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("sharedOn lies in the future")
                .expectNoEvents();
    }

    @Test
    @DisplayName("Art. 9.3: findings shared before the audit was requested are refused")
    void art9_3RefusesFindingsBeforeTheRequest() {
        fixture.given(REQUESTED_EVENT)
                .when(new ShareFindings(AUDIT, "f-1", "Findings", REQUESTED.minusDays(1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("findings cannot be shared before the audit was requested")
                .expectNoEvents();
    }

    @Test
    @DisplayName("Art. 9.3: findings of an audit never requested are refused")
    void art9_3RefusesFindingsOfAnUnknownAudit() {
        fixture.givenNoPriorActivity()
                .when(new ShareFindings(AUDIT, "f-1", "Findings", REQUESTED))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("no audit with this id exists")
                .expectNoEvents();
    }
}
