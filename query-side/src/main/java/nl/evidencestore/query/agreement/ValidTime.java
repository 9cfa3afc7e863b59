package nl.evidencestore.query.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dutch law governs the agreement (Art. 12.1): a date-valued fact holds from 00:00 in Amsterdam. */
final class ValidTime {
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private ValidTime() {
    }

    static Instant startOf(LocalDate date) {
        return date.atStartOfDay(AMSTERDAM).toInstant();
    }

    /** Whether a fact dated {@code date} holds at {@code asOf}. */
    static boolean holds(LocalDate date, Instant asOf) {
        return !asOf.isBefore(startOf(date));
    }
}
