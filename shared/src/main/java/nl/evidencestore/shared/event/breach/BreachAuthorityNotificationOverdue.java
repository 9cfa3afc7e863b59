package nl.evidencestore.shared.event.breach;

import java.time.Instant;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.Violation;

/**
 * Raised by the store itself: at {@code dueAt} (discovery + 72 hours, GDPR Art. 33) no
 * notification of the supervisory authority was recorded. Art. 6.1 makes the processor
 * responsible for that notification too.
 */
public record BreachAuthorityNotificationOverdue(BreachId breachId, Instant dueAt, Violation violation)
        implements BreachEvent {
}
