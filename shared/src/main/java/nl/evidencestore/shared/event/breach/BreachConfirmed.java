package nl.evidencestore.shared.event.breach;

import java.time.LocalDate;
import nl.evidencestore.shared.model.BreachId;

/** Art. 6.2: the suspicion turned out to be a breach. The deadlines run on from discovery. */
public record BreachConfirmed(BreachId breachId, LocalDate confirmedOn, String note) implements BreachEvent {
}
