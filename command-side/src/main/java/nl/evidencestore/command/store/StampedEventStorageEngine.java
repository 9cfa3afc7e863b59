package nl.evidencestore.command.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import nl.evidencestore.shared.json.IsoInstant;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, but a tracked event's timestamp is read once, by hand. Axon keeps
 * it as text and parses it with the JDK's formatter at every call: once to decide whether a gap
 * before the event may still fill, and again for each processor that asks (the forwarder puts
 * it on every record). Under W1 that was a third of the event store's reading thread and a
 * fifth of the forwarder's. The tokens are made exactly as Axon makes them.
 */
public final class StampedEventStorageEngine extends JdbcEventStorageEngine {
    /** Axon's default lowest global index: the first event's position. */
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final int maxGapOffset;
    private final Duration gapTimeout;
    /** Positions at or below this were handed out before this process started: see {@link #settledUpTo}. */
    private volatile long settled;

    private StampedEventStorageEngine(Builder builder, int maxGapOffset, Duration gapTimeout) {
        super(builder);
        this.maxGapOffset = maxGapOffset;
        this.gapTimeout = gapTimeout;
    }

    /**
     * The engine {@code builder} describes, with these gap settings: a gap at most
     * {@code maxGapOffset} positions behind is awaited, for {@code gapTimeout} after the event
     * past it was stored.
     */
    public static StampedEventStorageEngine build(Builder builder, int maxGapOffset, Duration gapTimeout) {
        builder.maxGapOffset(maxGapOffset).gapTimeout((int) gapTimeout.toMillis());
        return new StampedEventStorageEngine(builder, maxGapOffset, gapTimeout);
    }

    /**
     * Positions up to {@code position} were all handed out by a process that has ended (the store
     * runs alone on its database): each holds its committed event, or was rolled back and never
     * will. A batch in flight at a crash leaves up to a thousand such holes, and Axon would wait
     * for each for {@code gapTimeout}, naming every one in each fetch and copying them into the
     * token at every event: after kills under load, the processors fell minutes behind.
     */
    public void settledUpTo(long position) {
        this.settled = position;
    }

    /** What Axon's own method does, with the timestamp parsed once, and no wait for settled holes. */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previous)
            throws SQLException {
        EventSchema schema = schema();
        long globalIndex = row.getLong(schema.globalIndexColumn());
        String aggregateId = row.getString(schema.aggregateIdentifierColumn());
        String eventId = row.getString(schema.eventIdentifierColumn());
        Object storedAt = readTimeStamp(row, schema.timestampColumn());
        Instant timestamp = instant(storedAt);
        Stamped entry = new Stamped(row.getString(schema.typeColumn()), eventId.equals(aggregateId) ? null : aggregateId,
                row.getLong(schema.sequenceNumberColumn()), eventId, storedAt, row.getString(schema.payloadTypeColumn()),
                row.getString(schema.payloadRevisionColumn()), readPayload(row, schema.payloadColumn()),
                readPayload(row, schema.metaDataColumn()), timestamp);
        boolean gapsMayFill = timestamp.isAfter(GenericEventMessage.clock.instant().minus(gapTimeout));
        GapAwareTrackingToken token = previous == null
                ? GapAwareTrackingToken.newInstance(globalIndex, gapsMayFill ? gapsBefore(globalIndex) : Collections.emptySortedSet())
                : previous.advanceTo(globalIndex, gapsMayFill ? maxGapOffset : 0);
        return new TrackedDomainEventData<>(settle(token, globalIndex, settled), entry);
    }

    /**
     * The token without the gaps that can no longer fill: those below {@code globalIndex} (just
     * read) and at or below {@code settled}. A settled position that holds an event is not lost:
     * gaps are fetched in order of position, so it was read before {@code globalIndex}.
     */
    static GapAwareTrackingToken settle(GapAwareTrackingToken token, long globalIndex, long settled) {
        long firstOpen = Math.min(globalIndex, settled + 1);
        if (token.getGaps().isEmpty() || token.getGaps().first() >= firstOpen) {
            return token;
        }
        // Not withGapsTruncatedAt: a token truncated at a point also disregards the gap at that very
        // point when compared, and the event store's shared reader matches tokens by equality. The
        // first position this process hands out is such a point, and it may yet be filled (review).
        return GapAwareTrackingToken.newInstance(token.getIndex(), token.getGaps().tailSet(firstOpen));
    }

    private static SortedSet<Long> gapsBefore(long globalIndex) {
        return LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalIndex), globalIndex).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The stored timestamp as Axon reads it, by hand when it has the usual UTC form. */
    static Instant instant(Object storedAt) {
        if (storedAt instanceof Instant instant) {
            return instant;
        }
        String text = storedAt.toString();
        Instant parsed = IsoInstant.parse(text);
        return parsed != null ? parsed : DateTimeUtils.parseInstant(text);
    }

    /** An event row whose timestamp was read already. */
    private static final class Stamped extends GenericDomainEventEntry<Object> {
        private final Instant timestamp;

        Stamped(String type, String aggregateId, long sequence, String eventId, Object storedAt, String payloadType,
                String payloadRevision, Object payload, Object metaData, Instant timestamp) {
            super(type, aggregateId, sequence, eventId, storedAt, payloadType, payloadRevision, payload, metaData);
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
