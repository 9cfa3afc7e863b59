package nl.evidencestore.shared.event.breach;

import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachId;

/**
 * Art. 6.2: the suspicion was unfounded. The clocks that had not passed stop, and are named
 * here; what was late already stays on the record.
 */
public record BreachDismissed(BreachId breachId, LocalDate dismissedOn, String note,
                              List<AgreementId> stoppedControllerDeadlines, boolean authorityDeadlineStopped)
        implements BreachEvent {
}
