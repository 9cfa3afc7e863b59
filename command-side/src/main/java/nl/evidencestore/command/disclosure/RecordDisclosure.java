package nl.evidencestore.command.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.DisclosureBasis;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Art. 8 — record that the controller's personal data was disclosed to a third party. A basis
 * outside Art. 8.2 is recorded as a violation, not refused: {@code OTHER} is one with a
 * description of what happened or without it (domain.md: recorded, not refused), and a blank
 * consent reference counts as none.
 */
public record RecordDisclosure(String disclosureId, @TargetAggregateIdentifier AgreementId agreementId,
                               String recipient, DisclosureBasis legalBasis, String consentReference,
                               String description, List<DataCategory> categories, LocalDate disclosedOn)
        implements IdempotentCommand {
    private static final int MAX_CATEGORIES = 1000;

    public RecordDisclosure {
        Token.id(disclosureId, "disclosureId");
        Token.required(agreementId, "agreementId");
        Token.text(recipient, "recipient", 200);
        Token.required(legalBasis, "legalBasis");
        consentReference = consentReference == null || consentReference.isBlank() ? null
                : Token.text(consentReference, "consentReference", 200);
        description = description == null || description.isBlank() ? null
                : Token.text(description, "description", 2000);
        Token.required(categories, "categories");
        if (categories.isEmpty() || categories.size() > MAX_CATEGORIES || categories.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("categories needs 1 to " + MAX_CATEGORIES + " categories");
        }
        categories = List.copyOf(categories);
        Token.required(disclosedOn, "disclosedOn");
    }

    @Override
    public String idempotencyKey() {
        return "disclosure:" + disclosureId;
    }
}
