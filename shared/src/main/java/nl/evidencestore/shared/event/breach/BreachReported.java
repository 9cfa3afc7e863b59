package nl.evidencestore.shared.event.breach;

import java.time.Instant;
import java.util.List;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.BreachStatus;
import nl.evidencestore.shared.model.DataCategory;

/**
 * Art. 6.1, 6.2: a breach, or a suspicion of one, known to the processor since
 * {@code discoveredAt}. The deadlines are fixed here, with the limits in force when it was
 * reported: each affected agreement's controller must be notified by
 * {@code controllerNotificationDueAt}, the supervisory authority by
 * {@code authorityNotificationDueAt} (GDPR Art. 33).
 */
public record BreachReported(BreachId breachId, BreachStatus status, Instant discoveredAt,
                             List<AgreementId> agreementIds, String description, List<DataCategory> categories,
                             long estimatedSubjects, Instant controllerNotificationDueAt,
                             Instant authorityNotificationDueAt) implements BreachEvent {
}
