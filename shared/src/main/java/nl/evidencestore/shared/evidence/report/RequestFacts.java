package nl.evidencestore.shared.evidence.report;

import java.util.List;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestEvent;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestExtended;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestForwarded;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestForwardingOverdue;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestOverdue;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestReceived;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestResolved;
import nl.evidencestore.shared.model.Violation;

/**
 * One data subject's request as far as the bundle carries it (Art. 7.1, GDPR Art. 12(3)). The
 * subject reference stays in the event: the report never prints it.
 */
final class RequestFacts {
    final String requestId;
    SubjectRequestReceived received;
    SubjectRequestForwarded forwarded;
    SubjectRequestForwardingOverdue forwardingOverdue;
    SubjectRequestExtended extended;
    SubjectRequestResolved resolved;
    SubjectRequestOverdue overdue;

    RequestFacts(String requestId) {
        this.requestId = requestId;
    }

    /** The Art. 7.1 violations the event carries: forwarded late, or not at all by the deadline. */
    static List<Violation> violations(SubjectRequestEvent event) {
        if (event instanceof SubjectRequestForwarded e && e.violations() != null) {
            return e.violations();
        }
        if (event instanceof SubjectRequestForwardingOverdue e && e.violation() != null) {
            return List.of(e.violation());
        }
        return List.of();
    }

    void apply(SubjectRequestEvent event) {
        if (event instanceof SubjectRequestReceived e) {
            received = e;
        } else if (event instanceof SubjectRequestForwarded e) {
            forwarded = e;
        } else if (event instanceof SubjectRequestForwardingOverdue e) {
            forwardingOverdue = e;
        } else if (event instanceof SubjectRequestExtended e) {
            extended = e;
        } else if (event instanceof SubjectRequestResolved e) {
            resolved = e;
        } else if (event instanceof SubjectRequestOverdue e) {
            overdue = e;
        }
    }
}
