package nl.evidencestore.command.mirror;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.mirror.SourceEvent;
import org.axonframework.common.jdbc.ConnectionProvider;

/**
 * A stored event's place in its own chain, read from its row: the {@code hash} exists only once
 * the event is appended, so a fact is mirrored after its source commits.
 */
public final class SourceEvents {
    private final ConnectionProvider connections;

    public SourceEvents(ConnectionProvider connections) {
        this.connections = connections;
    }

    /** The stored event {@code eventId}; {@code payloadType} names it when its row predates the stored type. */
    SourceEvent of(String eventId, Class<?> payloadType) {
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT aggregateIdentifier, eventType, hash FROM DomainEventEntry WHERE eventIdentifier = ?")) {
            select.setString(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("event " + eventId + " is not in the event table");
                }
                String type = row.getString(2) != null ? row.getString(2) : EventTypes.nameOf(payloadType);
                return new SourceEvent(row.getString(1), eventId, type, row.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the source event " + eventId, e);
        }
    }
}
