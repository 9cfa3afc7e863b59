package nl.evidencestore.command.breach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.breach.BreachNotified;
import nl.evidencestore.shared.model.NotificationRecipient;
import nl.evidencestore.shared.model.Violation;

/** What a notification must say (Art. 6.3) and how its timeliness is judged (Art. 6.1). */
final class BreachNotifications {
    static final Violation CONTROLLER_NOT_NOTIFIED = new Violation("6.1",
            "the controller was not notified within the limit after the breach became known to the processor");
    static final Violation AUTHORITY_NOT_NOTIFIED = new Violation("6.1",
            "the supervisory authority was not notified within the limit of GDPR Art. 33");
    static final Violation CONTROLLER_LATE = new Violation("6.1",
            "the controller was notified after the limit, not immediately once the breach was known");
    static final Violation AUTHORITY_LATE = new Violation("6.1",
            "the supervisory authority was notified after the limit of GDPR Art. 33");

    private BreachNotifications() {
    }

    /** Art. 6.3: the cause, the (proposed) solution and who has been informed; all missing ones are named. */
    static void requireArt63(NotifyBreach command) {
        List<String> missing = new ArrayList<>();
        if (isBlank(command.cause())) {
            missing.add("cause");
        }
        if (isBlank(command.proposedSolution())) {
            missing.add("proposedSolution");
        }
        if (command.informedParties().isEmpty()) {
            missing.add("informedParties");
        }
        if (!missing.isEmpty()) {
            throw new RuleViolation("6.3", "a notification must state the (suspected) cause, the (proposed) solution "
                    + "and who has been informed; missing: " + String.join(", ", missing));
        }
    }

    /**
     * Judged once, here: the delay since discovery, and lateness against the recipient's clock if
     * one runs. A follow-up to a party already notified keeps its delay and due time but is not
     * late: the deadline was met, or missed, by the first notification.
     */
    static BreachNotified notified(NotifyBreach command, Instant discoveredAt, NotificationClock clock) {
        boolean late = clock != null && clock.lateAt(command.notifiedAt());
        List<Violation> violations = !late ? List.of()
                : List.of(command.recipient() == NotificationRecipient.CONTROLLER ? CONTROLLER_LATE : AUTHORITY_LATE);
        return new BreachNotified(command.breachId(), command.notificationId(), command.recipient(),
                command.agreementId(), command.notifiedAt(), command.cause(), command.proposedSolution(),
                command.implementedSolution(), command.informedParties(), clock == null ? null : clock.dueAt(),
                Duration.between(discoveredAt, command.notifiedAt()).toSeconds(), late, violations);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
