package nl.evidencestore.command.agreement;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Art. 11.3: the other party objects to an amendment; with {@code terminate} it also ends the
 * agreement at the end of the notice month.
 */
public record ObjectToAmendment(@TargetAggregateIdentifier AgreementId agreementId, String amendmentId, Party party,
                                LocalDate objectedOn, Boolean terminate) implements IdempotentCommand {
    public ObjectToAmendment {
        Token.required(agreementId, "agreementId");
        Token.id(amendmentId, "amendmentId");
        Token.required(party, "party");
        Token.required(objectedOn, "objectedOn");
        Token.required(terminate, "terminate");
    }

    /** api.md: an objection is amendment + party. */
    @Override
    public String idempotencyKey() {
        return "objection:" + agreementId + ":" + amendmentId + ":" + party;
    }
}
