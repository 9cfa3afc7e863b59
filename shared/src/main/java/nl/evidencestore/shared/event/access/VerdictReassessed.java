package nl.evidencestore.shared.event.access;

import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.rules.AccessFacts;

/**
 * A fact recorded later (a back-dated consent, say) changes the answer for an access that was
 * already judged: the original verdict stays on the record, this one cites both. It carries
 * the facts the access was judged on, so that a verifier recomputes {@code current} from the
 * terms as known at this point of the chain without holding every access in memory.
 */
public record VerdictReassessed(AgreementId agreementId, String accessId, AccessFacts facts, Verdict previous,
                                Verdict current, String causeEventId) implements AccessEvent {
}
