package nl.evidencestore.command.agreement;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The signature block: one party signs, optionally naming the hash of what it signed. */
public record SignAgreement(@TargetAggregateIdentifier AgreementId agreementId, Party party, String signatory,
                            String place, LocalDate signedOn, String documentSha256) implements IdempotentCommand {
    public SignAgreement {
        Token.required(agreementId, "agreementId");
        Token.required(party, "party");
        Token.text(signatory, "signatory", 200);
        Token.text(place, "place", 200);
        Token.required(signedOn, "signedOn");
        if (documentSha256 != null) {
            Token.sha256Hex(documentSha256, "documentSha256");
        }
    }

    /** Each party signs once: agreement and party are the natural key. */
    @Override
    public String idempotencyKey() {
        return "signature:" + agreementId + ":" + party;
    }
}
