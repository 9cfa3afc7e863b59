package nl.evidencestore.command.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LowWaterMarkTest {
    private Instant now = Instant.parse("2026-03-01T09:30:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LowWaterMark mark = new LowWaterMark(Duration.ofSeconds(2), clock);

    @Test
    void withoutGapsTheMarkIsTheIndex() {
        assertThat(mark.advance(7, new TreeSet<>())).isEqualTo(7);
    }

    @Test
    void aFreshGapHoldsTheMarkJustBelowIt() {
        assertThat(mark.advance(10, gaps(4, 8))).isEqualTo(3);
    }

    @Test
    void aGapOpenLongerThanTheGraceNoLongerHoldsTheMark() {
        mark.advance(10, gaps(4, 8));
        now = now.plusSeconds(1);
        assertThat(mark.advance(12, gaps(4, 8, 11))).isEqualTo(3);
        now = now.plusSeconds(2);
        // 4 and 8 have waited 3 s, 11 has waited 2 s: none is within the grace any more.
        assertThat(mark.advance(12, gaps(4, 8, 11))).isEqualTo(12);
    }

    @Test
    void theMarkNeverGoesBack() {
        assertThat(mark.advance(10, new TreeSet<>())).isEqualTo(10);
        assertThat(mark.advance(11, gaps(5))).isEqualTo(10);
    }

    private static TreeSet<Long> gaps(long... positions) {
        TreeSet<Long> set = new TreeSet<>();
        for (long position : positions) {
            set.add(position);
        }
        return set;
    }
}
