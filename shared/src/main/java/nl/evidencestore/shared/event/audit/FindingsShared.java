package nl.evidencestore.shared.event.audit;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AuditId;

/** Art. 9.3 — the audit's findings, shared with the processor. */
public record FindingsShared(AuditId auditId, AgreementId agreementId, String findingId, String findings,
                             LocalDate sharedOn) implements AuditEvent {
}
