package nl.evidencestore.command.breach;

import java.time.Instant;

/**
 * One deadline of a breach: met by a notification ({@code metAt}, the earliest so far, null
 * before any), stopped by a dismissal, or passed with an overdue fact.
 */
record NotificationClock(Instant dueAt, Instant metAt, boolean stopped, boolean overdueRaised) {
    static NotificationClock runningUntil(Instant dueAt) {
        return new NotificationClock(dueAt, null, false, false);
    }

    /** Still waiting for a notification. */
    boolean open() {
        return metAt == null && !stopped;
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
     * Only the notification that meets the deadline can be late: the earliest one to the party, as
     * the breach view reads it. A follow-up, made after the one that met the deadline, is not an
     * Art. 6.1 violation; one recorded later but made earlier (back-dated) is judged as the one
     * that met it. After a dismissal stopped the clock, nothing is late.
     */
    boolean lateAt(Instant notifiedAt) {
        return !stopped && passedAt(notifiedAt) && (metAt == null || notifiedAt.isBefore(metAt));
    }

    NotificationClock withMetAt(Instant notifiedAt) {
        return new NotificationClock(dueAt, metAt == null || notifiedAt.isBefore(metAt) ? notifiedAt : metAt, stopped,
                overdueRaised);
    }

    NotificationClock withStopped() {
        return new NotificationClock(dueAt, metAt, true, overdueRaised);
    }

    NotificationClock withOverdueRaised() {
        return new NotificationClock(dueAt, metAt, stopped, true);
    }
}
