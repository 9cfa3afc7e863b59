package nl.evidencestore.query.obligation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.evidencestore.shared.model.AgreementId;

/** A projection that holds deadlines; the obligations view asks each for those still open. */
public interface ObligationSource {
    /**
     * An open obligation and the agreements it concerns, by which auditors are scoped: a
     * breach's authority deadline concerns every agreement of the breach without naming them.
     */
    record Open(Obligation obligation, Set<AgreementId> concerns) {
    }

    List<Open> openObligations(Instant now);
}
