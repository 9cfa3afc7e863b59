package nl.evidencestore.command.subjectrequest;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.model.SubjectRequestType;
import nl.evidencestore.shared.model.Token;

/**
 * Art. 7.1: a data subject's request reached the controller or the processor. {@code subjectRef}
 * is personal data: it is checked for shape only, never quoted, and {@link #toString()} leaves it out.
 */
public record ReceiveSubjectRequest(SubjectRequestId requestId, AgreementId agreementId, SubjectRequestType type,
                                    Party receivedBy, LocalDate receivedOn, String subjectRef)
        implements IdempotentCommand {
    public ReceiveSubjectRequest {
        Token.required(requestId, "requestId");
        Token.required(agreementId, "agreementId");
        Token.required(type, "type");
        Token.required(receivedBy, "receivedBy");
        Token.required(receivedOn, "receivedOn");
        Token.subjectRef(subjectRef);
    }

    @Override
    public String idempotencyKey() {
        return "subject-request:" + requestId.value();
    }

    @Override
    public String targetKind() {
        return "subject request";
    }

    @Override
    public String toString() {
        return "ReceiveSubjectRequest[requestId=" + requestId.value() + ", agreementId=" + agreementId + ", type="
                + type + ", receivedBy=" + receivedBy + ", receivedOn=" + receivedOn + "]";
    }
}
