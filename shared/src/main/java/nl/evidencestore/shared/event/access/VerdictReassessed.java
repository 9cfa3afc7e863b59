package nl.evidencestore.shared.event.access;

import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Verdict;

/**
 * A fact recorded later (a back-dated consent, say) changes the answer for an access that was
 * already judged: the original verdict stays on the record, this one cites both.
 */
public record VerdictReassessed(AgreementId agreementId, String accessId, Verdict previous, Verdict current,
                                String causeEventId) implements AccessEvent {
}
