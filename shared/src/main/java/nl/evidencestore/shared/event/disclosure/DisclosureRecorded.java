package nl.evidencestore.shared.event.disclosure;

import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.DisclosureBasis;
import nl.evidencestore.shared.model.Verdict;

/**
 * Art. 8 — personal data was disclosed to a third party, always recorded, with its verdict
 * ({@link nl.evidencestore.shared.rules.DisclosureRules}): a basis outside Art. 8.2 is a
 * violation of Art. 8.1, not a refusal.
 */
public record DisclosureRecorded(AgreementId agreementId, String disclosureId, String recipient,
                                 DisclosureBasis legalBasis, String consentReference, String description,
                                 List<DataCategory> categories, LocalDate disclosedOn, Verdict verdict)
        implements DisclosureEvent {
}
