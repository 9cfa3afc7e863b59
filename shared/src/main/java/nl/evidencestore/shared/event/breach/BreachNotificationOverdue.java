package nl.evidencestore.shared.event.breach;

import java.time.Instant;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.Violation;

/**
 * Raised by the store itself: at {@code dueAt} no notification of this agreement's controller
 * was recorded, an Art. 6.1 violation on that agreement.
 */
public record BreachNotificationOverdue(BreachId breachId, AgreementId agreementId, Instant dueAt,
                                        Violation violation) implements BreachEvent {
}
