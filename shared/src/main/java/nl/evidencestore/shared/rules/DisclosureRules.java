package nl.evidencestore.shared.rules;

import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.shared.model.DisclosureBasis;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;

/**
 * Art. 8 — judges a disclosure of personal data to a third party by its legal basis. Art. 8.2
 * allows the controller's consent, necessity for the assignment, and a legal obligation; any
 * other disclosure breaks the confidentiality of Art. 8.1. A violation is evidence: nothing here
 * refuses anything.
 */
public final class DisclosureRules {
    private DisclosureRules() {
    }

    public static Verdict judge(DisclosureBasis legalBasis, String consentReference) {
        List<Violation> violations = new ArrayList<>();
        if (legalBasis == DisclosureBasis.OTHER) {
            violations.add(new Violation("8.1", "disclosed on a basis that Art. 8.2 does not allow"));
        } else if (legalBasis == DisclosureBasis.CONTROLLER_CONSENT
                && (consentReference == null || consentReference.isBlank())) {
            violations.add(new Violation("8.1", "disclosed on the controller's consent without a reference to that consent"));
        }
        return Verdict.of(violations);
    }
}
