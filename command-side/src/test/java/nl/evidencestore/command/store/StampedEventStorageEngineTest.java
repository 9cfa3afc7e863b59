package nl.evidencestore.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

class StampedEventStorageEngineTest {
    @Test
    void readsAStoredTimestampAsAxonDoes() {
        Instant recorded = Instant.parse("2026-11-26T09:49:50.123Z");
        String stored = DateTimeUtils.formatInstant(recorded);

        assertThat(StampedEventStorageEngine.instant(stored)).isEqualTo(DateTimeUtils.parseInstant(stored))
                .isEqualTo(recorded);
    }

    @Test
    void leavesAnOffsetOtherThanUtcToAxonsParser() {
        String stored = "2026-11-26T10:49:50.123+01:00";

        assertThat(StampedEventStorageEngine.instant(stored)).isEqualTo(Instant.parse("2026-11-26T09:49:50.123Z"));
    }

    /** Positions 91 to 149 skipped: an earlier process handed out up to 120, this one from 121 on. */
    private static GapAwareTrackingToken skipped() {
        return GapAwareTrackingToken.newInstance(150, LongStream.range(91, 150).boxed()
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void holesLeftByAnEndedProcessAreNotAwaited() {
        GapAwareTrackingToken settled = StampedEventStorageEngine.settle(skipped(), 150, 120);

        assertThat(settled.getGaps()).first().isEqualTo(121L);
        assertThat(settled.getGaps()).hasSize(29).allMatch(gap -> gap > 120 && gap < 150);
        assertThat(settled.getIndex()).isEqualTo(150);
    }

    @Test
    void holesThisProcessMayStillFillAreAwaited() {
        assertThat(StampedEventStorageEngine.settle(skipped(), 150, 0).getGaps()).hasSize(59);
        assertThat(StampedEventStorageEngine.settle(skipped(), 150, 90).getGaps()).hasSize(59);
    }

    @Test
    void aSettledHoleAboveTheEventJustReadIsStillAwaited() {
        // Reading 100, filled late, while 101..110 are in the token's gaps (fetched after it, in order):
        // they may hold events yet to be read; 95..99 would have been read before it.
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(111, LongStream.range(95, 111)
                .filter(gap -> gap != 100).boxed().collect(Collectors.toCollection(TreeSet::new)));

        assertThat(StampedEventStorageEngine.settle(token, 100, 120).getGaps()).containsExactly(101L, 102L, 103L,
                104L, 105L, 106L, 107L, 108L, 109L, 110L);
    }

    @Test
    void aSettledTokenStillTellsTheFirstLiveGapApartWhenCompared() {
        GapAwareTrackingToken settled = StampedEventStorageEngine.settle(skipped(), 150, 120);
        // The same but for 121, this process's first position, filled meanwhile.
        GapAwareTrackingToken filled = GapAwareTrackingToken.newInstance(150, settled.getGaps().tailSet(122L));

        assertThat(settled).isNotEqualTo(filled);
    }
}
