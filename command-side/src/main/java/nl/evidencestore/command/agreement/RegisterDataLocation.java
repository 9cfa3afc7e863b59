package nl.evidencestore.command.agreement;

import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 11.2: a place where the processor holds the controller's data (a workstation, a server, a backup). */
public record RegisterDataLocation(@TargetAggregateIdentifier AgreementId agreementId, String locationId,
                                   String description) implements IdempotentCommand {
    public RegisterDataLocation {
        Token.required(agreementId, "agreementId");
        Token.id(locationId, "locationId");
        Token.text(description, "description", 1000);
    }

    @Override
    public String idempotencyKey() {
        return "data-location:" + agreementId + ":" + locationId;
    }
}
