package nl.evidencestore.command.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.evidencestore.command.agreement.MirrorFact;
import nl.evidencestore.shared.event.audit.AuditRequested;
import nl.evidencestore.shared.event.audit.FindingsShared;
import nl.evidencestore.shared.event.mirror.AuditFactMirrored;
import nl.evidencestore.shared.event.mirror.SourceEvent;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AuditId;
import org.junit.jupiter.api.Test;

/** Art. 9 in the agreement's chain: what an audit's event becomes there. */
class FactsForAgreementsTest {
    private static final AuditId AUDIT = new AuditId("audit-2026-q2");
    private static final AgreementId AGREEMENT = new AgreementId("agr-noord");

    @Test
    void anAuditRequestEntersTheChainOfTheAgreementItNames() {
        AuditRequested requested = new AuditRequested(AUDIT, AGREEMENT, LocalDate.parse("2026-04-01"), "K. Visser RE");
        SourceEvent source = new SourceEvent(AUDIT.toString(), "e-1", "AuditRequested", "a".repeat(64));

        MirrorFact command = FactsForAgreements.auditFact(requested, source);

        assertThat(command.agreementId()).isEqualTo(AGREEMENT);
        assertThat(command.fact()).isEqualTo(new AuditFactMirrored(AGREEMENT, source, requested));
    }

    @Test
    void sharedFindingsEnterWithTheirSourceAndTheirText() {
        FindingsShared shared = new FindingsShared(AUDIT, AGREEMENT, "f-1",
                "Access logs complete; two accounts without two-factor sign-in", LocalDate.parse("2026-04-20"));
        SourceEvent source = new SourceEvent(AUDIT.toString(), "e-2", "FindingsShared", "b".repeat(64));

        AuditFactMirrored fact = (AuditFactMirrored) FactsForAgreements.auditFact(shared, source).fact();

        assertThat(fact.source()).isEqualTo(source);
        assertThat(fact.fact()).isEqualTo(shared);
    }
}
