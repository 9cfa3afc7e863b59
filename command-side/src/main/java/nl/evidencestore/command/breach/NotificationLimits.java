package nl.evidencestore.command.breach;

import java.time.Duration;

/**
 * How long after discovery a breach must be notified: to each controller (Art. 6.1 says
 * "immediately"; 24 hours by default) and to the supervisory authority (GDPR Art. 33: 72 hours).
 */
public record NotificationLimits(Duration controllerNotification, Duration authorityNotification) {
    public static final NotificationLimits STANDARD = new NotificationLimits(Duration.ofHours(24), Duration.ofHours(72));

    public NotificationLimits {
        if (controllerNotification.isNegative() || authorityNotification.isNegative()) {
            throw new IllegalArgumentException("a notification limit cannot be negative");
        }
    }
}
