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
}
