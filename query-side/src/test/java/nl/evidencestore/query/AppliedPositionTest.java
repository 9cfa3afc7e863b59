package nl.evidencestore.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.evidencestore.shared.error.PositionNotReached;
import org.junit.jupiter.api.Test;

class AppliedPositionTest {

    @Test
    void returnsAtOnceWhenThePositionIsAlreadyApplied() throws InterruptedException {
        AppliedPosition applied = new AppliedPosition(7);

        assertThat(applied.await(7, Duration.ZERO)).isTrue();
    }

    @Test
    void wakesUpWhenAnotherThreadAdvancesPastThePosition() throws Exception {
        AppliedPosition applied = new AppliedPosition(0);
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> result = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return applied.await(5, Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.await();

        applied.advanceTo(3);
        applied.advanceTo(6);

        assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(applied.current()).isEqualTo(6);
    }

    @Test
    void givesUpWhenTheTimeoutPasses() throws InterruptedException {
        AppliedPosition applied = new AppliedPosition(2);

        assertThat(applied.await(3, Duration.ofMillis(50))).isFalse();
    }

    @Test
    void neverMovesBackwards() {
        AppliedPosition applied = new AppliedPosition(10);

        applied.advanceTo(4);

        assertThat(applied.current()).isEqualTo(10);
    }

    @Test
    void aWaitThatRunsOutReportsTheCurrentPosition() {
        AppliedPosition applied = new AppliedPosition(2);

        assertThatThrownBy(() -> applied.awaitOrThrow(9, Duration.ofMillis(20)))
                .isInstanceOfSatisfying(PositionNotReached.class, e -> assertThat(e.currentPosition()).isEqualTo(2));
    }
}
