package nl.evidencestore.infra.bench;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Ends a benchmark's wait on another part of the store once what it waits for stops moving,
 * instead of waiting for ever: the wait shows it what it sees on each round, and a state that
 * stays the same for longer than the limit throws.
 */
final class StallWatch {
    private final Duration limit;
    private Object seen;
    private long movedAt = System.nanoTime();

    StallWatch(Duration limit) {
        this.limit = limit;
    }

    /** Notes {@code state}; throws, naming {@code what}, when it has been the same for longer than the limit. */
    void observe(Object state, Supplier<String> what) {
        if (!state.equals(seen)) {
            seen = state;
            movedAt = System.nanoTime();
        } else if (System.nanoTime() - movedAt > limit.toNanos()) {
            throw new IllegalStateException(what.get() + " did not move for " + limit.toSeconds() + " s");
        }
    }
}
