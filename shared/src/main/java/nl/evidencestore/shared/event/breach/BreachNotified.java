package nl.evidencestore.shared.event.breach;

import java.time.Instant;
import java.util.List;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.NotificationRecipient;
import nl.evidencestore.shared.model.Violation;

/**
 * Art. 6.1, 6.3: a notification with the content Art. 6.3 requires. {@code agreementId} names
 * the controller's agreement for recipient CONTROLLER. Its timeliness is judged once, when it
 * is recorded: {@code delaySeconds} from discovery, {@code late} against {@code dueAt} (absent
 * when nothing was due), and a late one carries its Art. 6.1 violation. Only the first
 * notification on a deadline can be late; a follow-up on the same deadline is not, whatever its delay.
 */
public record BreachNotified(BreachId breachId, String notificationId, NotificationRecipient recipient,
                             AgreementId agreementId, Instant notifiedAt, String cause, String proposedSolution,
                             String implementedSolution, List<String> informedParties, Instant dueAt,
                             long delaySeconds, boolean late, List<Violation> violations) implements BreachEvent {
}
