package nl.evidencestore.command.agreement;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Art. 3.1: the controller's prior written consent to a sub-processor, from {@code grantedOn};
 * optionally the hash of the flow-down contract that binds it (Annex 2).
 */
public record GrantSubProcessorConsent(@TargetAggregateIdentifier AgreementId agreementId, String subProcessorId,
                                       String consentReference, LocalDate grantedOn,
                                       String flowDownContractSha256) implements IdempotentCommand {
    public GrantSubProcessorConsent {
        Token.required(agreementId, "agreementId");
        Token.id(subProcessorId, "subProcessorId");
        Token.text(consentReference, "consentReference", 200);
        Token.required(grantedOn, "grantedOn");
        if (flowDownContractSha256 != null) {
            Token.sha256Hex(flowDownContractSha256, "flowDownContractSha256");
        }
    }

    /** api.md: a consent is agreement + sub-processor + grantedOn. */
    @Override
    public String idempotencyKey() {
        return "consent:" + agreementId + ":" + subProcessorId + ":" + grantedOn;
    }
}
