package nl.evidencestore.shared.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {
    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Test
    void writesWhatTheJdkWritesForEveryFractionLength() {
        SplittableRandom random = new SplittableRandom(20261125);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(YEAR_0 - 86_400 * 400L, YEAR_10000 + 86_400 * 400L),
                    nanos(random));

            assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void readsWhatTheJdkReadsInTheFormsItTakes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(YEAR_0, YEAR_10000), random.nextInt(1_000_000_000));
            String text = instant.toString();
            int digits = random.nextInt(10);
            String truncated = digits == 0 ? text.substring(0, 19) + "Z"
                    : (text.length() > 20 ? text.substring(0, 19) : text.substring(0, 19)) + "."
                    + String.format("%09d", instant.getNano()).substring(0, digits) + "Z";

            assertThat(IsoInstant.parse(text)).isEqualTo(instant);
            assertThat(IsoInstant.parse(truncated)).isEqualTo(Instant.parse(truncated));
        }
    }

    @Test
    void leavesEveryOtherFormToTheJdk() {
        for (String text : new String[] {"2026-03-01T09:30:00.Z", "2026-03-01T09:30Z", "2026-03-01 09:30:00Z",
                "2026-03-01T09:30:00+01:00", "2026-03-01T24:00:00Z", "2026-12-31T23:59:60Z", "2026-02-30T00:00:00Z",
                "2026-13-01T00:00:00Z", "+12026-03-01T09:30:00Z", "2026-03-01T09:30:00.1234567890Z",
                "2026-03-01T09:3a:00Z", " 2026-03-01T09:30:00Z", "2026-03-01T09:30:00z", ""}) {
            assertThat(IsoInstant.parse(text)).as(text).isNull();
        }
    }

    @Test
    void jacksonReadsAndWritesInstantsThroughItAndStillRefusesWhatItRefused() throws Exception {
        record Stamped(Instant at) {
        }
        Instant at = Instant.parse("2026-03-01T09:30:00.120Z");

        assertThat(new String(Json.write(new Stamped(at)))).isEqualTo("{\"at\":\"2026-03-01T09:30:00.120Z\"}");
        assertThat(Json.mapper().readValue("{\"at\":\"2026-03-01T09:30:00.12Z\"}", Stamped.class).at()).isEqualTo(at);
        assertThat(Json.mapper().readValue("{\"at\":\"2026-03-01T10:30:00.12+01:00\"}", Stamped.class).at())
                .isEqualTo(at);
        assertThatThrownBy(() -> Json.mapper().readValue("{\"at\":\"2026-13-01T09:30:00Z\"}", Stamped.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> Json.mapper().readValue("{\"at\":true}", Stamped.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
    }

    /** Zero, whole milliseconds, whole microseconds or any nanoseconds, each a quarter of the time. */
    private static int nanos(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
        };
    }
}
