package nl.evidencestore.command.store;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.Occurrence;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.access.CanonicalAccess;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.integrity.FixedWidthInstant;
import nl.evidencestore.shared.json.Json;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;

/**
 * Axon's insert of new events, with each event's place in its stream's hash chain computed
 * where the event is created, inside the transaction that appends it
 * (docs/evidence-format.md §1): the payload is stored as exactly the canonical bytes its
 * {@code payloadSha256} covers, and the row carries {@code prevHash} and {@code hash}.
 *
 * <p>A stream's previous head comes from this transaction's own earlier appends, else from
 * the heads of committed transactions, else from the table. A head is trusted only for the
 * sequence number it was recorded with, so a head left behind by a rolled-back transaction
 * is never used: the rolled-back sequence number is appended again and overwrites it.
 */
public final class ChainedAppend implements AppendEventsStatementBuilder {
    static final String COLUMNS = "occurredAt, prevHash, hash, eventType";
    private static final String PENDING = ChainedAppend.class.getName() + ".pending";

    private final Map<String, Head> committed = new ConcurrentHashMap<>();

    /** The last event of a stream as this store appended it. */
    record Head(long sequence, String hash, Instant recordedAt) {
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestamps) throws SQLException {
        if (dataType != byte[].class) {
            throw new IllegalStateException("the event table must store payloads as bytea, not " + dataType);
        }
        List<DomainEventMessage<?>> domainEvents = events.stream().map(ChainedAppend::domain).toList();
        Map<String, Head> heads = pendingHeads();
        loadPreviousHeads(connection, schema, domainEvents, heads);
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (" + schema.domainEventFields() + ", " + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        MetaDataBytes metaData = new MetaDataBytes(serializer);
        for (DomainEventMessage<?> event : domainEvents) {
            addRow(insert, event, heads, metaData, timestamps);
        }
        return insert;
    }

    /** The events of one command carry the same correlation data: serialised once, not once per event. */
    private static final class MetaDataBytes {
        private final Serializer serializer;
        private MetaData last;
        private byte[] bytes;

        MetaDataBytes(Serializer serializer) {
            this.serializer = serializer;
        }

        byte[] of(EventMessage<?> event) {
            if (!event.getMetaData().equals(last)) {
                last = event.getMetaData();
                bytes = event.serializeMetaData(serializer, byte[].class).getData();
            }
            return bytes;
        }
    }

    private static void addRow(PreparedStatement insert, DomainEventMessage<?> event, Map<String, Head> heads,
                               MetaDataBytes metaData, TimestampWriter timestamps) throws SQLException {
        String stream = event.getAggregateIdentifier();
        Head previous = previousOf(event, heads.get(stream));
        byte[] payload = canonical(event.getPayload());
        Instant recordedAt = recordedAt(event, previous);
        Instant occurredAt = event.getPayload() instanceof Occurrence occurrence ? occurrence.occurredAt() : recordedAt;
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.VERSION, event.getIdentifier(),
                typeName(event.getPayloadType()), stream, event.getSequenceNumber(), occurredAt, recordedAt,
                previous == null ? EventHash.GENESIS : previous.hash(), EventHash.payloadSha256(payload));
        String hash = EventHash.of(envelope);
        insert.setString(1, event.getIdentifier());
        insert.setString(2, stream);
        insert.setLong(3, event.getSequenceNumber());
        insert.setString(4, event.getType());
        writeTimestamp(insert, recordedAt, timestamps);
        insert.setString(6, event.getPayloadType().getName());
        insert.setString(7, null);
        insert.setBytes(8, payload);
        insert.setBytes(9, metaData.of(event));
        insert.setString(10, occurredAt.equals(recordedAt) ? null : EventHash.format(occurredAt));
        insert.setString(11, envelope.prevHash());
        insert.setString(12, hash);
        // The hashed type is stored, not derived again from a Java class name that may move.
        insert.setString(13, envelope.type());
        insert.addBatch();
        heads.put(stream, new Head(event.getSequenceNumber(), hash, recordedAt));
    }

    /**
     * Axon's text for the timestamp column ({@code DateTimeUtils.formatInstant}: three fraction
     * digits for an instant in whole milliseconds) written by hand: its formatter cost as much as
     * the event's hash. A year without four digits takes Axon's writer.
     */
    private static void writeTimestamp(PreparedStatement insert, Instant recordedAt, TimestampWriter timestamps)
            throws SQLException {
        String text = timestampText(recordedAt);
        if (text != null) {
            insert.setString(5, text);
        } else {
            timestamps.writeTimestamp(insert, 5, recordedAt);
        }
    }

    /** Axon's timestamp text for an instant in whole milliseconds of a four-digit year; else null. */
    static String timestampText(Instant instant) {
        return instant.getNano() % 1_000_000 == 0 ? FixedWidthInstant.format(instant, 3) : null;
    }

    /**
     * The stable domain name; a type outside the sealed roots (only a test's own aggregate has
     * one) is named by the same rule, its simple name, rather than refused at the append.
     */
    private static String typeName(Class<?> type) {
        try {
            return EventTypes.nameOf(type);
        } catch (IllegalArgumentException notEvidence) {
            return type.getSimpleName();
        }
    }

    private static Head previousOf(DomainEventMessage<?> event, Head head) {
        if (event.getSequenceNumber() == 0) {
            return null;
        }
        if (head == null || head.sequence() != event.getSequenceNumber() - 1) {
            throw new IllegalStateException("stream " + event.getAggregateIdentifier() + " has no event "
                    + (event.getSequenceNumber() - 1) + " to chain event " + event.getSequenceNumber() + " to");
        }
        return head;
    }

    /**
     * Axon keeps milliseconds in its timestamp column; the hash covers what is read back. A
     * clock that stepped back must not make a stream's time run backwards.
     */
    private static Instant recordedAt(DomainEventMessage<?> event, Head previous) {
        Instant stamped = event.getTimestamp().truncatedTo(ChronoUnit.MILLIS);
        return previous != null && stamped.isBefore(previous.recordedAt()) ? previous.recordedAt() : stamped;
    }

    /** The heads this transaction appended; they become everyone's only once it commits. */
    private Map<String, Head> pendingHeads() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING, key -> {
            Map<String, Head> pending = new HashMap<>();
            root.afterCommit(u -> committed.putAll(pending));
            return pending;
        });
    }

    private void loadPreviousHeads(Connection connection, EventSchema schema, List<DomainEventMessage<?>> events,
                                   Map<String, Head> heads) throws SQLException {
        Map<String, Long> wanted = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : events) {
            String stream = event.getAggregateIdentifier();
            long previous = event.getSequenceNumber() - 1;
            if (previous < 0 || wanted.containsKey(stream) || heads.containsKey(stream)) {
                continue;
            }
            Head known = committed.get(stream);
            if (known != null && known.sequence() == previous) {
                heads.put(stream, known);
            } else {
                wanted.put(stream, previous);
            }
        }
        if (!wanted.isEmpty()) {
            heads.putAll(select(connection, schema, wanted));
        }
    }

    private static Map<String, Head> select(Connection connection, EventSchema schema, Map<String, Long> wanted)
            throws SQLException {
        Map<String, Head> found = new HashMap<>();
        Array streams = connection.createArrayOf("varchar", wanted.keySet().toArray());
        Array sequences = connection.createArrayOf("bigint", wanted.values().toArray());
        try (PreparedStatement select = connection.prepareStatement("SELECT e." + schema.aggregateIdentifierColumn()
                + ", e." + schema.sequenceNumberColumn() + ", e.hash, e." + schema.timestampColumn() + " FROM "
                + schema.domainEventTable() + " e JOIN unnest(?::varchar[], ?::bigint[]) AS w(stream, seq) ON e."
                + schema.aggregateIdentifierColumn() + " = w.stream AND e." + schema.sequenceNumberColumn()
                + " = w.seq")) {
            select.setArray(1, streams);
            select.setArray(2, sequences);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.put(row.getString(1), new Head(row.getLong(2), requireHash(row.getString(3), row.getString(1)),
                            DateTimeUtils.parseInstant(row.getString(4))));
                }
            }
        }
        return found;
    }

    private static String requireHash(String hash, String stream) {
        if (hash == null) {
            throw new IllegalStateException("stream " + stream + " holds events without a hash: written before hash "
                    + "chains existed; it cannot be continued");
        }
        return hash;
    }

    private static DomainEventMessage<?> domain(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        throw new IllegalStateException("every event belongs to a stream; " + event.getPayloadType() + " does not");
    }

    /**
     * The payload in its RFC 8785 form, written in one pass where that gives it; the tests, run
     * with assertions on, hold every event they append to the general canonicaliser.
     */
    private static byte[] canonical(Object payload) {
        // Accesses are nearly every event: theirs is written member by member (CanonicalAccess).
        byte[] written = payload instanceof AccessRecorded access ? CanonicalAccess.write(access) : null;
        byte[] canonical = written != null ? written : Json.canonicalWrite(payload);
        assert Arrays.equals(canonical, Json.canonical(payload))
                : "not the JCS form: " + new String(canonical, StandardCharsets.UTF_8);
        return canonical;
    }
}
