package nl.evidencestore.shared.event.subjectrequest;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.model.Violation;

/**
 * Raised by the store itself: by the end of {@code forwardBy} the processor had not recorded
 * forwarding the request it received, an Art. 7.1 violation.
 */
public record SubjectRequestForwardingOverdue(SubjectRequestId requestId, AgreementId agreementId,
                                              LocalDate forwardBy, Violation violation) implements SubjectRequestEvent {
}
