package nl.evidencestore.command.access;

import java.time.Instant;
import java.util.List;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.rules.AccessFacts;

/**
 * The accesses an agreement recorded that occurred at or after an instant, each with the
 * verdict it stands under now (its own, or its latest reassessment). The aggregate keeps no
 * accesses in memory; these are read from its stream when a later fact may change them.
 */
public interface PastAccesses {
    /** One access as judged so far. */
    record Judged(String accessId, AccessFacts facts, Verdict verdict, boolean instructionVerified) {
    }

    List<Judged> occurredSince(AgreementId agreementId, Instant from);
}
