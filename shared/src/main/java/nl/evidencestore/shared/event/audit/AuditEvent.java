package nl.evidencestore.shared.event.audit;

import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AuditId;

/** One audit of one agreement (Art. 9): a stream per audit, each event naming its agreement. */
public sealed interface AuditEvent extends EvidenceEvent permits AuditRequested, FindingsShared {
    AuditId auditId();

    AgreementId agreementId();

    @Override
    default String streamId() {
        return auditId().toString();
    }
}
