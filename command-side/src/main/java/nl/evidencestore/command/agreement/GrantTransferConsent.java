package nl.evidencestore.command.agreement;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 3.2: the controller's explicit prior written consent to processing in a country outside the EEA. */
public record GrantTransferConsent(@TargetAggregateIdentifier AgreementId agreementId, Country country,
                                   String consentReference, LocalDate grantedOn) implements IdempotentCommand {
    public GrantTransferConsent {
        Token.required(agreementId, "agreementId");
        Token.required(country, "country");
        Token.text(consentReference, "consentReference", 200);
        Token.required(grantedOn, "grantedOn");
    }

    /** Like a sub-processor's consent: agreement + country + grantedOn. */
    @Override
    public String idempotencyKey() {
        return "transfer-consent:" + agreementId + ":" + country + ":" + grantedOn;
    }
}
