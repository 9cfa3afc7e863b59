package nl.evidencestore.shared.event.audit;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AuditId;

/** Art. 9.1 — the controller requested an audit of the processor, by its own or an appointed auditor. */
public record AuditRequested(AuditId auditId, AgreementId agreementId, LocalDate requestedOn, String auditor)
        implements AuditEvent {
}
