package nl.evidencestore.command.subjectrequest;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 7.1: the request is answered, with its outcome. */
public record ResolveSubjectRequest(@TargetAggregateIdentifier SubjectRequestId requestId, LocalDate on, String outcome)
        implements IdempotentCommand {
    public ResolveSubjectRequest {
        Token.required(requestId, "requestId");
        Token.required(on, "on");
        Token.text(outcome, "outcome", 4000);
    }

    /** Happens once per request: request and kind are the natural key. */
    @Override
    public String idempotencyKey() {
        return "subject-request-resolution:" + requestId.value();
    }

    @Override
    public String targetKind() {
        return "subject request";
    }
}
