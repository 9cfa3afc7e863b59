package nl.evidencestore.shared.event.breach;

import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.model.BreachId;

/** Everything that happens to one breach (Art. 6); its stream is {@code breach/<breachId>}. */
public sealed interface BreachEvent extends EvidenceEvent
        permits BreachReported, BreachConfirmed, BreachDismissed, BreachClosed, BreachNotified,
        BreachNotificationOverdue, BreachAuthorityNotificationOverdue {
    BreachId breachId();

    @Override
    default String streamId() {
        return breachId().toString();
    }
}
