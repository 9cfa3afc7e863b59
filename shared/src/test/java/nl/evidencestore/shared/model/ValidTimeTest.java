package nl.evidencestore.shared.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValidTimeTest {
    @Test
    void the_last_day_remembered_is_the_day_of_every_instant_asked_about_in_any_order() {
        ValidTime.LastDay days = new ValidTime.LastDay();
        // Across both clock changes of 2026 and midnights in Amsterdam, forwards and back.
        Instant[] runs = {Instant.parse("2026-03-28T20:00:00Z"), Instant.parse("2026-10-24T20:00:00Z"),
                Instant.parse("2026-03-28T20:00:00Z")};
        for (Instant start : runs) {
            for (int minutes = 0; minutes < 3 * 24 * 60; minutes += 7) {
                Instant instant = start.plus(Duration.ofMinutes(minutes));
                assertThat(days.of(instant)).as(instant.toString()).isEqualTo(ValidTime.dayOf(instant));
            }
        }
        Instant midnight = ValidTime.startOf(java.time.LocalDate.parse("2026-03-29"));
        assertThat(days.of(midnight.minusNanos(1000))).isEqualTo(java.time.LocalDate.parse("2026-03-28"));
        assertThat(days.of(midnight)).isEqualTo(java.time.LocalDate.parse("2026-03-29"));
        assertThat(days.of(midnight.minusNanos(1000))).isEqualTo(java.time.LocalDate.parse("2026-03-28"));
    }
}
