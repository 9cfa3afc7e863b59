package nl.evidencestore.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
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
}
