package nl.evidencestore.command.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;

/**
 * The highest position P such that every event at or below P has been forwarded.
 *
 * <p>PostgreSQL assigns positions at insert but commits out of order, so the tracking token
 * carries gaps: positions not seen yet. A gap is usually a transaction still committing and
 * is waited for; one that stays open past a short grace is a rolled-back insert that will
 * never fill, and stops holding the mark back. (Axon keeps it in the token all the same, so
 * an event that does fill it late is still forwarded.)
 */
final class LowWaterMark {
    private final Duration gapGrace;
    private final Clock clock;
    private final Map<Long, Instant> gapFirstSeen = new HashMap<>();
    private long mark;

    LowWaterMark(Duration gapGrace, Clock clock) {
        this.gapGrace = gapGrace;
        this.clock = clock;
    }

    /** The mark once everything up to {@code index} has been seen except {@code gaps}. */
    synchronized long advance(long index, SortedSet<Long> gaps) {
        Instant now = clock.instant();
        gapFirstSeen.keySet().retainAll(gaps);
        gaps.forEach(gap -> gapFirstSeen.putIfAbsent(gap, now));
        long candidate = index;
        for (long gap : gaps) {
            if (Duration.between(gapFirstSeen.get(gap), now).compareTo(gapGrace) < 0) {
                candidate = gap - 1;
                break;
            }
        }
        mark = Math.max(mark, candidate);
        return mark;
    }

    synchronized long current() {
        return mark;
    }
}
