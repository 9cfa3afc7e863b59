package nl.evidencestore.command.agreement;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 3.1: the controller withdraws its consent; from {@code revokedOn} the sub-processor may not process. */
public record RevokeSubProcessorConsent(@TargetAggregateIdentifier AgreementId agreementId, String subProcessorId,
                                        LocalDate revokedOn) implements IdempotentCommand {
    public RevokeSubProcessorConsent {
        Token.required(agreementId, "agreementId");
        Token.id(subProcessorId, "subProcessorId");
        Token.required(revokedOn, "revokedOn");
    }

    /** api.md: a revocation is agreement + sub-processor + revokedOn. */
    @Override
    public String idempotencyKey() {
        return "consent-revocation:" + agreementId + ":" + subProcessorId + ":" + revokedOn;
    }
}
