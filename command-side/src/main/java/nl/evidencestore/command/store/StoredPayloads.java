package nl.evidencestore.command.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.common.jdbc.ConnectionProvider;

/** Reads stored event payloads by event id: how a repeated command answers its original result. */
public final class StoredPayloads {
    private final ConnectionProvider connections;

    public StoredPayloads(ConnectionProvider connections) {
        this.connections = connections;
    }

    public Map<String, byte[]> byEventId(Collection<String> eventIds) {
        Map<String, byte[]> payloads = new HashMap<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT eventIdentifier, payload FROM DomainEventEntry WHERE eventIdentifier = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    payloads.put(row.getString(1), row.getBytes(2));
                }
            }
            return payloads;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read stored events", e);
        }
    }
}
