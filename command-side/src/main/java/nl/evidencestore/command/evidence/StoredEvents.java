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
import java.util.List;
import java.util.Optional;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.json.Json;
import org.axonframework.common.jdbc.ConnectionProvider;

/** Reads one stream's events as stored, in sequence order: the evidence is the event store. */
public final class StoredEvents {
    /** One stored event; {@code payload} is the stored JSON, not re-serialised. */
    public record Stored(long sequence, String eventId, String type, Instant recordedAt, JsonNode payload) {
    }

    private final ConnectionProvider connections;

    public StoredEvents(ConnectionProvider connections) {
        this.connections = connections;
    }

    public List<Stored> read(String streamId, long fromSequence, int limit) {
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT sequenceNumber, eventIdentifier, payloadType, timeStamp, payload FROM DomainEventEntry
                     WHERE aggregateIdentifier = ? AND sequenceNumber >= ? ORDER BY sequenceNumber LIMIT ?""")) {
            select.setString(1, streamId);
            select.setLong(2, fromSequence);
            select.setInt(3, limit);
            List<Stored> events = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.add(new Stored(row.getLong(1), row.getString(2), typeName(row.getString(3)),
                            Instant.parse(row.getString(4)), Json.mapper().readTree(row.getBytes(5))));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read stored events", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first event of a stream: for an agreement, its draft, which names the controller. */
    public Optional<Stored> first(String streamId) {
        return read(streamId, 0, 1).stream().filter(event -> event.sequence() == 0).findFirst();
    }

    private static String typeName(String javaType) {
        try {
            return EventTypes.nameOf(Class.forName(javaType));
        } catch (ClassNotFoundException | IllegalArgumentException e) {
            return javaType;
        }
    }
}
