package nl.evidencestore.command.agreement;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 11.2: the agreement ends; {@code terminatedOn} is the first day no longer covered. */
public record TerminateAgreement(@TargetAggregateIdentifier AgreementId agreementId, LocalDate terminatedOn,
                                 String reason) implements IdempotentCommand {
    public TerminateAgreement {
        Token.required(agreementId, "agreementId");
        Token.required(terminatedOn, "terminatedOn");
        Token.text(reason, "reason", 2000);
    }

    /** An agreement ends once: the agreement is the natural key. */
    @Override
    public String idempotencyKey() {
        return "termination:" + agreementId;
    }
}
