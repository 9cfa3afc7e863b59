package nl.evidencestore.command.audit;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AuditId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 9.3 — record an audit's findings as shared with the processor. */
public record ShareFindings(@TargetAggregateIdentifier AuditId auditId, String findingId, String findings,
                            LocalDate sharedOn) implements IdempotentCommand {
    public ShareFindings {
        Token.required(auditId, "auditId");
        Token.id(findingId, "findingId");
        Token.text(findings, "findings", 20_000);
        Token.required(sharedOn, "sharedOn");
    }

    /** A finding's id is the client's, within its audit. */
    @Override
    public String idempotencyKey() {
        return "finding:" + auditId.value() + ":" + findingId;
    }
}
