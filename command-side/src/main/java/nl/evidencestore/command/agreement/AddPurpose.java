package nl.evidencestore.command.agreement;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 1.2 "nadere instemming": the controller allows a further purpose, with its consent's reference. */
public record AddPurpose(@TargetAggregateIdentifier AgreementId agreementId, Purpose purpose, String consentReference,
                         LocalDate grantedOn) implements IdempotentCommand {
    public AddPurpose {
        Token.required(agreementId, "agreementId");
        Token.required(purpose, "purpose");
        Token.text(consentReference, "consentReference", 200);
        Token.required(grantedOn, "grantedOn");
    }

    /** A purpose is allowed from a date once: agreement, purpose and date are the natural key. */
    @Override
    public String idempotencyKey() {
        return "purpose:" + agreementId + ":" + purpose + ":" + grantedOn;
    }
}
