package nl.evidencestore.command.breach;

import java.time.Instant;

/** One deadline of a breach: met by a notification, stopped by a dismissal, or passed with an overdue fact. */
record NotificationClock(Instant dueAt, boolean met, boolean stopped, boolean overdueRaised) {
    static NotificationClock runningUntil(Instant dueAt) {
        return new NotificationClock(dueAt, false, false, false);
    }

    /** Still waiting for a notification. */
    boolean open() {
        return !met && !stopped;
    }

    /** Open and not yet passed: a dismissal now would stop it. */
    boolean runningAt(Instant now) {
        return open() && now.isBefore(dueAt);
    }

    /** Open past its due instant and not yet recorded as overdue. */
    boolean overdueUnraisedAt(Instant now) {
        return open() && !overdueRaised && !now.isBefore(dueAt);
    }

    /**
     * Only the notification that meets an open clock can be late: once the deadline is met (or
     * stopped), a further notification to the same party is a follow-up, not an Art. 6.1 violation.
     */
    boolean lateAt(Instant notifiedAt) {
        return open() && notifiedAt.isAfter(dueAt);
    }

    NotificationClock withMet() {
        return new NotificationClock(dueAt, true, stopped, overdueRaised);
    }

    NotificationClock withStopped() {
        return new NotificationClock(dueAt, met, true, overdueRaised);
    }

    NotificationClock withOverdueRaised() {
        return new NotificationClock(dueAt, met, stopped, true);
    }
}
