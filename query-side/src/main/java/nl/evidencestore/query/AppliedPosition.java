package nl.evidencestore.query;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import nl.evidencestore.shared.error.PositionNotReached;

/**
 * How far the query side has come: every event with a position at or below {@link #current()}
 * is applied to the projections and searchable. {@code minPosition} waits on it (api.md,
 * Consistency).
 */
public final class AppliedPosition {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private volatile long current;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile Runnable onWait = () -> {
    };

    public AppliedPosition(long start) {
        this.current = start;
    }

    public long current() {
        return current;
    }

    /** Only ever moves forward: a redelivered batch carries an older low-water mark. */
    public void advanceTo(long position) {
        lock.lock();
        try {
            if (position > current) {
                current = position;
                advanced.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Run by each reader that begins to wait, after it counts as waiting ({@link #awaited}): what
     * was applied before it came is made searchable now, not at the next idle reopen.
     */
    public void onWait(Runnable hurry) {
        this.onWait = hurry;
    }

    /** True once {@code position} is applied; false when the timeout passes first. */
    public boolean await(long position, Duration timeout) throws InterruptedException {
        if (current >= position) {
            return true;
        }
        long nanos = timeout.toNanos();
        waiting.incrementAndGet();
        try {
            onWait.run(); // outside the lock: the reopen it asks for advances this position
            lock.lock();
            try {
                while (current < position) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = advanced.awaitNanos(nanos);
                }
                return true;
            } finally {
                lock.unlock();
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Whether a reader waits for a position not applied yet: the feed then asks for a quick reopen. */
    public boolean awaited() {
        return waiting.get() > 0;
    }

    /** The HTTP form of {@link #await}: a wait that runs out becomes a 503 with the current position. */
    public void awaitOrThrow(long position, Duration timeout) {
        try {
            if (!await(position, timeout)) {
                throw new PositionNotReached(position, current);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PositionNotReached(position, current);
        }
    }
}
