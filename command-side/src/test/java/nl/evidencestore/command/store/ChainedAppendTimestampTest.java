package nl.evidencestore.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** The timestamp column must hold exactly the text Axon writes and reads back. */
class ChainedAppendTimestampTest {

    @Test
    void writesAxonsTextForWholeMilliseconds() {
        SplittableRandom random = new SplittableRandom(7);
        long lastMilli = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(0, lastMilli));
            assertThat(ChainedAppend.timestampText(instant)).isEqualTo(DateTimeUtils.formatInstant(instant));
        }
        for (String text : new String[] {"2026-03-01T08:00:00Z", "2026-03-01T08:00:00.100Z", "1970-01-01T00:00:00Z",
                "0999-01-01T00:00:00.001Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(ChainedAppend.timestampText(instant)).isEqualTo(DateTimeUtils.formatInstant(instant));
        }
    }

    @Test
    void leavesOtherInstantsToAxon() {
        assertThat(ChainedAppend.timestampText(Instant.parse("2026-03-01T08:00:00.000001Z"))).isNull();
        assertThat(ChainedAppend.timestampText(Instant.parse("+10000-01-01T00:00:00Z"))).isNull();
    }
}
