package nl.evidencestore.command.agreement;

import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 11.2: the data at one registered location was deleted; the certificate's hash is the proof. */
public record ConfirmDeletion(@TargetAggregateIdentifier AgreementId agreementId, String locationId,
                              LocalDate deletedOn, String method, List<DataCategory> categories,
                              String certificateSha256) implements IdempotentCommand {
    public ConfirmDeletion {
        Token.required(agreementId, "agreementId");
        Token.id(locationId, "locationId");
        Token.required(deletedOn, "deletedOn");
        Token.text(method, "method", 500);
        categories = Fields.list(categories, "categories", 1);
        Token.sha256Hex(certificateSha256, "certificateSha256");
    }

    /** A location is deleted once: agreement and location are the natural key. */
    @Override
    public String idempotencyKey() {
        return "deletion:" + agreementId + ":" + locationId;
    }
}
