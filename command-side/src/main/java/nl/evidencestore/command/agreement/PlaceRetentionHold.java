package nl.evidencestore.command.agreement;

import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Art. 11.2: a statutory retention period, or the controller's written instruction, keeps the data
 * at one location through {@code until}; {@code legalBasis} names the statute or the instruction.
 */
public record PlaceRetentionHold(@TargetAggregateIdentifier AgreementId agreementId, String locationId,
                                 String legalBasis, LocalDate until, List<DataCategory> categories)
        implements IdempotentCommand {
    public PlaceRetentionHold {
        Token.required(agreementId, "agreementId");
        Token.id(locationId, "locationId");
        Token.text(legalBasis, "legalBasis", 500);
        Token.required(until, "until");
        categories = Fields.list(categories, "categories", 1);
    }

    /** A hold may be extended by another one with a later {@code until}: location and date are the key. */
    @Override
    public String idempotencyKey() {
        return "retention-hold:" + agreementId + ":" + locationId + ":" + until;
    }
}
