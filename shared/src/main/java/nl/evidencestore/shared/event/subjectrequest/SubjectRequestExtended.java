package nl.evidencestore.shared.event.subjectrequest;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.SubjectRequestId;

/** GDPR Art. 12(3): the answer period is extended, once, by two further months, for a reason. */
public record SubjectRequestExtended(SubjectRequestId requestId, AgreementId agreementId, LocalDate extendedOn,
                                     String reason, LocalDate previousAnswerBy, LocalDate answerBy)
        implements SubjectRequestEvent {
}
