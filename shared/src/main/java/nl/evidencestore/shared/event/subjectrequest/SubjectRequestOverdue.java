package nl.evidencestore.shared.event.subjectrequest;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.SubjectRequestId;

/**
 * Raised by the store itself: by the end of {@code answerBy} no resolution was recorded
 * (GDPR Art. 12(3)). The controller answers the subject, so this is the controller's deadline,
 * not a violation of the agreement by the processor.
 */
public record SubjectRequestOverdue(SubjectRequestId requestId, AgreementId agreementId, LocalDate answerBy)
        implements SubjectRequestEvent {
}
