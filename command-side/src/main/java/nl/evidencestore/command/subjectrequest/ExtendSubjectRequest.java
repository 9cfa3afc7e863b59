package nl.evidencestore.command.subjectrequest;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** GDPR Art. 12(3): the answer period is extended, once, for a reason. */
public record ExtendSubjectRequest(@TargetAggregateIdentifier SubjectRequestId requestId, LocalDate on, String reason)
        implements IdempotentCommand {
    public ExtendSubjectRequest {
        Token.required(requestId, "requestId");
        Token.required(on, "on");
        Token.text(reason, "reason", 4000);
    }

    /** Happens once per request: request and kind are the natural key. */
    @Override
    public String idempotencyKey() {
        return "subject-request-extension:" + requestId.value();
    }

    @Override
    public String targetKind() {
        return "subject request";
    }
}
