package nl.evidencestore.shared.terms;

import java.time.LocalDate;
import nl.evidencestore.shared.model.Purpose;

/**
 * How a purpose came to be allowed (Art. 1.2, 1.3): by the agreement as drafted (Annex 1), by
 * the controller's further consent, or by an amendment (Art. 11.3); {@code since} is the date it
 * was allowed from, absent for the agreement itself.
 */
public record PurposeAllowance(Purpose purpose, Basis basis, String consentReference, String amendmentId,
                               LocalDate since) {
    public enum Basis {
        AGREEMENT,
        CONSENT,
        AMENDMENT
    }
}
