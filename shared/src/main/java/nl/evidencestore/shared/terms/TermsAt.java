package nl.evidencestore.shared.terms;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.evidencestore.shared.event.agreement.TransferConsentGranted;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.SubProcessor;

/**
 * The agreement as it stood at one instant of valid time: whether it was in force, and what it
 * allowed. Verdicts are computed against this. Besides the sets the rules read, it says how each
 * allowance came about: each purpose's basis (Art. 1.2), each known sub-processor's consent
 * (Art. 3.1, in the order they became known), and the transfer consents in force (Art. 3.2).
 */
public record TermsAt(Instant at, Standing standing, Set<Purpose> purposes, Set<DataCategory> categories,
                      Map<String, SubProcessor> subProcessors, Set<String> consentedSubProcessors,
                      Set<Country> transferConsents, boolean requireRegisteredInstructions,
                      List<PurposeAllowance> purposeAllowances, Map<String, ConsentStatus> consents,
                      List<TransferConsentGranted> transferGrants) {

    public enum Standing {
        /** Not both signatures yet, or not yet the date of the last one (Art. 11.1). */
        NOT_YET_EFFECTIVE,
        EFFECTIVE,
        /** On or after {@code terminatedOn} (Art. 11.2). */
        TERMINATED
    }

    public boolean inForce() {
        return standing == Standing.EFFECTIVE;
    }

    public boolean consentsTo(String subProcessorId) {
        return consentedSubProcessors.contains(subProcessorId);
    }

    /** The same terms, asked about another instant of the same Amsterdam day. */
    TermsAt movedTo(Instant instant) {
        return new TermsAt(instant, standing, purposes, categories, subProcessors, consentedSubProcessors,
                transferConsents, requireRegisteredInstructions, purposeAllowances, consents, transferGrants);
    }
}
