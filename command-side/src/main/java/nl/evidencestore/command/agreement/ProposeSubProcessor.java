package nl.evidencestore.command.agreement;

import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.SubProcessor;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 3.1: the processor proposes a sub-processor; it may process data only once the controller consents. */
public record ProposeSubProcessor(@TargetAggregateIdentifier AgreementId agreementId, String subProcessorId,
                                  String name, String country, String services) implements IdempotentCommand {
    public ProposeSubProcessor {
        Token.required(agreementId, "agreementId");
        new SubProcessor(subProcessorId, name, country, services); // checks each field
    }

    SubProcessor subProcessor() {
        return new SubProcessor(subProcessorId, name, country, services);
    }

    @Override
    public String idempotencyKey() {
        return "sub-processor:" + agreementId + ":" + subProcessorId;
    }
}
