package nl.evidencestore.command.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.model.ValidTime;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * "Now" for aggregates: the clock Axon stamps events with, so that a decision and the
 * transaction time of the events it appends agree (and test fixtures can move it). Facts about
 * the past cannot be dated after it: a deadline judged against a future date proves nothing.
 */
public final class StoreTime {
    /** Clocks of internal systems drift a little; this much ahead is still taken as now. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private StoreTime() {
    }

    public static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /** Today in Amsterdam (Art. 12.1). */
    public static LocalDate today() {
        return ValidTime.dayOf(now());
    }

    public static Instant notInFuture(Instant instant, String field) {
        return notAfter(instant, latestPast(), field);
    }

    /** The latest instant a fact about the past may carry now; read once, it serves a whole batch. */
    public static Instant latestPast() {
        return now().plus(CLOCK_SKEW);
    }

    /** {@link #notInFuture(Instant, String)} against a {@link #latestPast()} read before: one comparison. */
    public static Instant notAfter(Instant instant, Instant latestPast, String field) {
        if (instant.isAfter(latestPast)) {
            throw new RuleViolation(null, field + " lies in the future");
        }
        return instant;
    }

    public static LocalDate notInFuture(LocalDate date, String field) {
        if (date.isAfter(ValidTime.dayOf(now().plus(CLOCK_SKEW)))) {
            throw new RuleViolation(null, field + " lies in the future");
        }
        return date;
    }
}
