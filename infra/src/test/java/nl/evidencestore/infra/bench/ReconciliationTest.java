package nl.evidencestore.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    private static String id(int i) {
        return "acc-" + i;
    }

    @Test
    void everyAcknowledgedAccessOnceHolds() {
        Reconciliation.Tally tally = Reconciliation.tally(3, ReconciliationTest::id, Map.of("acc-0", 1, "acc-1", 1, "acc-2", 1));

        assertThat(tally).isEqualTo(new Reconciliation.Tally(3, 3, 0, 0, 0));
        assertThat(tally.holds()).isTrue();
    }

    @Test
    void aLostAccessIsCountedAndFails() {
        Reconciliation.Tally tally = Reconciliation.tally(3, ReconciliationTest::id, Map.of("acc-0", 1, "acc-2", 1));

        assertThat(tally.lost()).isEqualTo(1);
        assertThat(tally.holds()).isFalse();
        assertThat(tally.describe()).contains("2 of 3 acknowledged accesses, 1 lost");
    }

    @Test
    void anAccessRecordedTwiceIsCountedAndFails() {
        Reconciliation.Tally tally = Reconciliation.tally(2, ReconciliationTest::id, Map.of("acc-0", 2, "acc-1", 1));

        assertThat(tally.duplicated()).isEqualTo(1);
        assertThat(tally.holds()).isFalse();
    }

    @Test
    void anAccessNeverAcknowledgedIsCountedAndFails() {
        Reconciliation.Tally tally = Reconciliation.tally(1, ReconciliationTest::id, Map.of("acc-0", 1, "acc-7", 2));

        assertThat(tally.unexpected()).isEqualTo(2);
        assertThat(tally.holds()).isFalse();
    }
}
