package nl.evidencestore.command.subjectrequest;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 7.1: the processor passes a request it received on to the controller. */
public record ForwardSubjectRequest(@TargetAggregateIdentifier SubjectRequestId requestId, LocalDate on)
        implements IdempotentCommand {
    public ForwardSubjectRequest {
        Token.required(requestId, "requestId");
        Token.required(on, "on");
    }

    /** Happens once per request: request and kind are the natural key. */
    @Override
    public String idempotencyKey() {
        return "subject-request-forwarding:" + requestId.value();
    }

    @Override
    public String targetKind() {
        return "subject request";
    }
}
