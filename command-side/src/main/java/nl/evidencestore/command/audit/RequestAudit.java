package nl.evidencestore.command.audit;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AuditId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 9.1 — the controller requests an audit of the processor, by its own auditor or one it appoints. */
public record RequestAudit(@TargetAggregateIdentifier AuditId auditId, AgreementId agreementId,
                           LocalDate requestedOn, String auditor) implements IdempotentCommand {
    public RequestAudit {
        Token.required(auditId, "auditId");
        Token.required(agreementId, "agreementId");
        Token.required(requestedOn, "requestedOn");
        Token.text(auditor, "auditor", 200);
    }

    @Override
    public String idempotencyKey() {
        return "audit:" + auditId.value();
    }
}
