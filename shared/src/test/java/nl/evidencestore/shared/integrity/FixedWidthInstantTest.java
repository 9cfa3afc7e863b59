package nl.evidencestore.shared.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedWidthInstantTest {
    @Test
    void readsWhatTheFormatterPrintsAtMicrosAndMillis() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextInt(2_000_000_000), 1_000L * random.nextInt(1_000_000));
            assertThat(FixedWidthInstant.parse(EventHash.format(instant), 6)).isEqualTo(instant);
            Instant millis = instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            assertThat(FixedWidthInstant.parse(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC).format(millis), 3))
                    .isEqualTo(millis);
        }
    }

    @Test
    void writesWhatTheFormatterWritesTruncatingTheFraction() {
        java.time.format.DateTimeFormatter micros = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 253_402_300_799L, random.nextInt(1_000_000_000));
            if (instant.isBefore(Instant.parse("0000-01-01T00:00:00Z"))) {
                assertThat(FixedWidthInstant.format(instant, 6)).isNull();
            } else {
                assertThat(FixedWidthInstant.format(instant, 6)).isEqualTo(micros.format(instant));
            }
        }
        assertThat(FixedWidthInstant.format(Instant.parse("+10000-01-01T00:00:00Z"), 6)).isNull();
    }

    @Test
    void leavesAnyOtherFormToTheFormatter() {
        assertThat(FixedWidthInstant.parse("2026-02-30T09:30:00.000000Z", 6)).isNull();
        assertThat(FixedWidthInstant.parse("2026-03-01T09:30:00.000Z", 6)).isNull();
        assertThat(FixedWidthInstant.parse("2026-03-01T09:30:00.00000xZ", 6)).isNull();
        assertThat(FixedWidthInstant.parse("2026-03-01 09:30:00.000000Z", 6)).isNull();
        assertThat(FixedWidthInstant.parse("2026-03-01T24:30:00.000000Z", 6)).isNull();
    }
}
