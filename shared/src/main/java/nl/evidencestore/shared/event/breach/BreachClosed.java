package nl.evidencestore.shared.event.breach;

import java.time.LocalDate;
import nl.evidencestore.shared.model.BreachId;

/** Art. 6: the breach is dealt with; the whole history stays. */
public record BreachClosed(BreachId breachId, LocalDate closedOn, String summary) implements BreachEvent {
}
