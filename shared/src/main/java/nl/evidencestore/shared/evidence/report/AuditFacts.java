package nl.evidencestore.shared.evidence.report;

import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.shared.event.audit.AuditEvent;
import nl.evidencestore.shared.event.audit.AuditRequested;
import nl.evidencestore.shared.event.audit.FindingsShared;

/**
 * One audit as far as the agreement's chain carries it (Art. 9): when the controller requested
 * it and by which auditor, and each finding shared with the processor, in the order shared.
 */
final class AuditFacts {
    final String auditId;
    AuditRequested requested;
    final List<FindingsShared> findings = new ArrayList<>();

    AuditFacts(String auditId) {
        this.auditId = auditId;
    }

    void apply(AuditEvent event) {
        if (event instanceof AuditRequested e) {
            requested = e;
        } else if (event instanceof FindingsShared e) {
            findings.add(e);
        }
    }
}
