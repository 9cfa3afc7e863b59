package nl.evidencestore.shared.event.subjectrequest;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.SubjectRequestId;

/** Art. 7.1: the request is answered; {@code late} when that happened after {@code answerBy}. */
public record SubjectRequestResolved(SubjectRequestId requestId, AgreementId agreementId, LocalDate resolvedOn,
                                     String outcome, LocalDate answerBy, boolean late) implements SubjectRequestEvent {
}
