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

    /**
     * The one boundary every judgement of this clock uses. The due instant itself is still in
     * time (GDPR Art. 33: "not later than 72 hours"), so a notification made then is not late,
     * nothing is overdue then, and a dismissal then still stops the clock.
     */
    boolean passedAt(Instant instant) {
        return instant.isAfter(dueAt);
    }

    /** Open and not yet passed: a dismissal now would stop it. */
    boolean runningAt(Instant now) {
        return open() && !passedAt(now);
    }

    /** Open past its due instant and not yet recorded as overdue. */
    boolean overdueUnraisedAt(Instant now) {
        return open() && !overdueRaised && passedAt(now);
    }

    /**
     * Only the notification that meets an open clock can be late: once the deadline is met (or
     * stopped), a further notification to the same party is a follow-up, not an Art. 6.1 violation.
     */
    boolean lateAt(Instant notifiedAt) {
        return open() && passedAt(notifiedAt);
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
