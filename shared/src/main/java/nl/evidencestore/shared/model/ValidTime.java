package nl.evidencestore.shared.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dutch law governs the agreement (Art. 12.1): a dated fact takes effect at 00:00 in Amsterdam. */
public final class ValidTime {
    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private ValidTime() {
    }

    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(AMSTERDAM).toInstant();
    }

    /** Whether a fact dated {@code date} holds at {@code instant}. */
    public static boolean holds(LocalDate date, Instant instant) {
        return !instant.isBefore(startOf(date));
    }

    /** The Amsterdam calendar day that {@code instant} falls on. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(AMSTERDAM).toLocalDate();
    }

    /**
     * {@link #dayOf}, remembered for the last day asked about: the accesses a verifier judges
     * come in runs on one day, and finding an instant's zone offset for each costs more than
     * the rest of its judgement. Not for sharing between threads.
     */
    public static final class LastDay {
        private LocalDate day;
        private Instant starts;
        private Instant nextStarts;

        public LocalDate of(Instant instant) {
            if (day == null || instant.isBefore(starts) || !instant.isBefore(nextStarts)) {
                day = dayOf(instant);
                starts = startOf(day);
                nextStarts = startOf(day.plusDays(1));
            }
            return day;
        }
    }
}
