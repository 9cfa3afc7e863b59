package nl.evidencestore.command.breach;

import java.time.Instant;

/** The deadline for notifying the supervisory authority (GDPR Art. 33), as the deadline manager keeps it. */
public record AuthorityNotificationDue(Instant dueAt) {
    static final String DEADLINE_NAME = "breach-authority-notification";
}
