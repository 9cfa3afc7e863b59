package nl.evidencestore.shared.event.subjectrequest;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.model.SubjectRequestType;
import nl.evidencestore.shared.subject.SealedSubject;

/**
 * Art. 7.1: a data subject's request reached a party on {@code receivedOn}. When the processor
 * received it, it must reach the controller by {@code forwardBy} (absent otherwise); the answer
 * is due by {@code answerBy} (GDPR Art. 12(3): one month). The deadlines are fixed here, with
 * the limits in force when it was received.
 *
 * <p>{@code subject} is the subject reference sealed under the subject's key (crypto-shredding);
 * {@link #toString()} leaves it out all the same.
 */
public record SubjectRequestReceived(SubjectRequestId requestId, AgreementId agreementId, SubjectRequestType type,
                                     Party receivedBy, LocalDate receivedOn, SealedSubject subject, LocalDate forwardBy,
                                     LocalDate answerBy) implements SubjectRequestEvent {
    @Override
    public String toString() {
        return "SubjectRequestReceived[requestId=" + requestId.value() + ", agreementId=" + agreementId + ", type="
                + type + ", receivedBy=" + receivedBy + ", receivedOn=" + receivedOn + ", forwardBy=" + forwardBy
                + ", answerBy=" + answerBy + "]";
    }
}
