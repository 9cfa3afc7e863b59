package nl.evidencestore.command.agreement;

import static nl.evidencestore.command.agreement.AgreementTestData.AGREEMENT;
import static nl.evidencestore.command.agreement.AgreementTestData.drafted;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.event.audit.AuditRequested;
import nl.evidencestore.shared.event.audit.FindingsShared;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.event.mirror.AuditFactMirrored;
import nl.evidencestore.shared.event.mirror.BreachFactMirrored;
import nl.evidencestore.shared.event.mirror.SourceEvent;
import nl.evidencestore.shared.event.mirror.SubjectRequestFactMirrored;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestResolved;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AuditId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.BreachStatus;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.SubjectRequestId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MirroredFactsTest {
    private static final Instant DISCOVERED = Instant.parse("2026-03-06T08:00:00Z");
    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
    }

    @Test
    void aBreachFactEntersTheChainOfTheAgreementItConcerns() {
        fixture.given(drafted()).when(new MirrorFact(AGREEMENT, breachFact("e-1"))).expectEvents(breachFact("e-1"));
    }

    @Test
    void aSourceEventAlreadyEnteredAppendsNothing() {
        fixture.given(drafted(), breachFact("e-1")).when(new MirrorFact(AGREEMENT, breachFact("e-1"))).expectNoEvents();
    }

    @Test
    void anotherSourceEventOfTheSameBreachIsEnteredToo() {
        fixture.given(drafted(), breachFact("e-1")).when(new MirrorFact(AGREEMENT, breachFact("e-2")))
                .expectEvents(breachFact("e-2"));
    }

    @Test
    void aRequestFactIsEnteredOncePerSourceEvent() {
        fixture.given(drafted(), requestFact("e-9")).when(new MirrorFact(AGREEMENT, requestFact("e-9"))).expectNoEvents();
    }

    @Test
    void anAuditRequestedAndItsFindingsEnterTheChainOncePerSourceEvent() {
        fixture.given(drafted(), auditRequested("e-20")).when(new MirrorFact(AGREEMENT, findingsShared("e-21")))
                .expectEvents(findingsShared("e-21"));
    }

    @Test
    void sharedFindingsAlreadyEnteredAppendNothing() {
        fixture.given(drafted(), auditRequested("e-20"), findingsShared("e-21"))
                .when(new MirrorFact(AGREEMENT, findingsShared("e-21"))).expectNoEvents();
    }

    @Test
    void anAuditFactOfAnotherAgreementIsRefusedBeforeItIsSent() {
        assertThatThrownBy(() -> new MirrorFact(new AgreementId("agr-other"), auditRequested("e-20")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFactNamingAnotherAgreementIsRefusedBeforeItIsSent() {
        assertThatThrownBy(() -> new MirrorFact(new AgreementId("agr-other"), breachFact("e-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BreachFactMirrored breachFact(String sourceEventId) {
        BreachId breach = new BreachId("br-1");
        return new BreachFactMirrored(AGREEMENT, new SourceEvent(breach.toString(), sourceEventId, "BreachReported",
                "b".repeat(64)), new BreachReported(breach, BreachStatus.SUSPECTED, DISCOVERED, List.of(AGREEMENT),
                "phishing mail", List.of(new DataCategory("SURNAME")), 3, DISCOVERED.plusSeconds(86_400),
                DISCOVERED.plusSeconds(259_200)));
    }

    private static AuditFactMirrored auditRequested(String sourceEventId) {
        AuditId audit = new AuditId("audit-1");
        return new AuditFactMirrored(AGREEMENT, new SourceEvent(audit.toString(), sourceEventId, "AuditRequested",
                "d".repeat(64)), new AuditRequested(audit, AGREEMENT, LocalDate.parse("2026-04-01"), "K. Visser RE"));
    }

    private static AuditFactMirrored findingsShared(String sourceEventId) {
        AuditId audit = new AuditId("audit-1");
        return new AuditFactMirrored(AGREEMENT, new SourceEvent(audit.toString(), sourceEventId, "FindingsShared",
                "e".repeat(64)), new FindingsShared(audit, AGREEMENT, "f-1", "two accounts without two-factor sign-in",
                LocalDate.parse("2026-04-20")));
    }

    private static SubjectRequestFactMirrored requestFact(String sourceEventId) {
        SubjectRequestId request = new SubjectRequestId("req-1");
        return new SubjectRequestFactMirrored(AGREEMENT, new SourceEvent(request.toString(), sourceEventId,
                "SubjectRequestResolved", "c".repeat(64)), new SubjectRequestResolved(request, AGREEMENT,
                LocalDate.parse("2026-03-20"), "answered", LocalDate.parse("2026-04-09"), false));
    }
}
