package nl.evidencestore.command.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.integrity.FixedWidthInstant;
import nl.evidencestore.shared.json.Json;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;

/**
 * Reads one stream's events as stored, in sequence order: the evidence is the event store.
 * Every field of an event's hash envelope is read from its row, and its payload is the exact
 * stored bytes, so what is shown is what was hashed.
 */
public final class StoredEvents {
    /** The columns {@link #line} reads, in its order. */
    public static final String COLUMNS = "eventIdentifier, payloadType, aggregateIdentifier, sequenceNumber, occurredAt, "
            + "timeStamp, prevHash, hash, payload, eventType";

    /** One stored event with its place in the chain; {@code payload} is the stored JSON, not re-serialised. */
    public record Stored(long sequence, String eventId, String type, Instant occurredAt, Instant recordedAt,
                         String prevHash, String payloadSha256, String hash, JsonNode payload) {
        static Stored of(EventLine line) {
            EventEnvelope envelope = line.envelope();
            try {
                return new Stored(envelope.sequence(), envelope.eventId(), envelope.type(), envelope.occurredAt(),
                        envelope.recordedAt(), envelope.prevHash(), envelope.payloadSha256(), line.hash(),
                        Json.mapper().readTree(line.payload()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final Map<String, String> TYPE_NAMES = new ConcurrentHashMap<>();
    private static final String DRAFTED = EventTypes.nameOf(AgreementDrafted.class);

    private final ConnectionProvider connections;

    public StoredEvents(ConnectionProvider connections) {
        this.connections = connections;
    }

    /** The highest position stored: every command that returned a position at or below it is readable here. */
    public long headPosition() {
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT coalesce(max(globalIndex), -1) FROM DomainEventEntry");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store's head", e);
        }
    }

    public List<Stored> read(String streamId, long fromSequence, int limit) {
        return lines(streamId, fromSequence, limit).stream().map(Stored::of).toList();
    }

    /** The events as bundle lines: envelope and hash from the row, the payload as stored. */
    public List<EventLine> lines(String streamId, long fromSequence, int limit) {
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM DomainEventEntry"
                     + " WHERE aggregateIdentifier = ? AND sequenceNumber >= ? ORDER BY sequenceNumber LIMIT ?")) {
            select.setString(1, streamId);
            select.setLong(2, fromSequence);
            select.setInt(3, limit);
            List<EventLine> events = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.add(line(row));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read stored events", e);
        }
    }

    /**
     * A stream's events from sequence 0 to {@code toSequence}, read through a server-side cursor
     * on a connection of its own: a million events pass through a small heap. Close it.
     */
    public Cursor cursor(String streamId, long toSequence) {
        Connection connection = null;
        try {
            connection = connections.getConnection();
            connection.setAutoCommit(false);
            PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM DomainEventEntry"
                    + " WHERE aggregateIdentifier = ? AND sequenceNumber <= ? ORDER BY sequenceNumber");
            // Rows of a kilobyte or so: a megabyte per round trip, little of a small heap.
            select.setFetchSize(1000);
            binaryResults(select);
            select.setString(1, streamId);
            select.setLong(2, toSequence);
            return new Cursor(connection, select.executeQuery());
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot read stored events", e);
        }
    }

    /**
     * Asks PostgreSQL's driver for binary results from the first execution: the payload (bytea)
     * then travels as its bytes, not as hex text twice its size that both ends must convert,
     * which is a large part of reading a million rows. The command side does not compile against
     * the driver, hence the reflection; any other database keeps text results.
     */
    private static void binaryResults(PreparedStatement select) {
        try {
            Class<?> driverStatement = Class.forName("org.postgresql.PGStatement");
            if (select.isWrapperFor(driverStatement)) {
                // A negative threshold is the driver's "binary transfer from the first execution".
                driverStatement.getMethod("setPrepareThreshold", int.class).invoke(select.unwrap(driverStatement), -1);
            }
        } catch (ReflectiveOperationException | SQLException e) {
            // Text results: slower, the same rows.
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already failing: the first failure is the one to report.
            }
        }
    }

    /** Stored events one at a time, in sequence order. */
    public static final class Cursor implements Iterator<EventLine>, AutoCloseable {
        private final Connection connection;
        private final ResultSet rows;
        private Boolean ahead;

        private Cursor(Connection connection, ResultSet rows) {
            this.connection = connection;
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            try {
                if (ahead == null) {
                    ahead = rows.next();
                }
                return ahead;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read stored events", e);
            }
        }

        @Override
        public EventLine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = null;
            try {
                return line(rows);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read stored events", e);
            }
        }

        @Override
        public void close() {
            try (connection) {
                connection.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot close a cursor over stored events", e);
            }
        }
    }

    /** The practice an agreement belongs to, as its draft (its first event) names it; empty when there is none. */
    public Optional<ControllerId> controllerOf(String agreementId) {
        return first(agreementId).filter(first -> DRAFTED.equals(first.type()))
                .map(draft -> ControllerId.of(draft.payload().get("controller").get("id").asText()));
    }

    /** The first event of a stream: for an agreement, its draft, which names the controller. */
    public Optional<Stored> first(String streamId) {
        return read(streamId, 0, 1).stream().filter(event -> event.sequence() == 0).findFirst();
    }

    /** Reads a row selected with {@link #COLUMNS}, in that order. */
    public static EventLine line(ResultSet row) throws SQLException {
        byte[] payload = row.getBytes(9);
        Instant recordedAt = recordedAt(row.getString(6));
        String occurredAt = row.getString(5);
        String storedType = row.getString(10);
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.VERSION, row.getString(1),
                storedType != null ? storedType : typeName(row.getString(2)),
                row.getString(3), row.getLong(4), occurredAt == null ? recordedAt : EventHash.parse(occurredAt),
                recordedAt, row.getString(7), EventHash.payloadSha256(payload));
        return new EventLine(envelope, row.getString(8), payload);
    }

    /** Axon's timestamp column: {@code 2026-03-01T09:30:00.123Z}, read by hand on every row. */
    private static Instant recordedAt(String text) {
        Instant fast = FixedWidthInstant.parse(text, 3);
        return fast != null ? fast : DateTimeUtils.parseInstant(text);
    }

    private static String typeName(String javaType) {
        return TYPE_NAMES.computeIfAbsent(javaType, StoredEvents::domainName);
    }

    private static String domainName(String javaType) {
        try {
            return EventTypes.nameOf(Class.forName(javaType));
        } catch (ClassNotFoundException | IllegalArgumentException e) {
            return javaType;
        }
    }
}
