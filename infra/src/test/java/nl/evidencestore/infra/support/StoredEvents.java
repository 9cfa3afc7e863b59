package nl.evidencestore.infra.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Counts what the event store holds: how a test proves that a refused call appended nothing. */
public final class StoredEvents {
    private StoredEvents() {
    }

    public static long count(String jdbcUrl) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM DomainEventEntry")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stream (Axon's aggregate identifier) that holds an event. */
    public static String streamOf(String jdbcUrl, String eventId) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT aggregateIdentifier FROM DomainEventEntry WHERE eventIdentifier = ?")) {
            select.setString(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events of one aggregate (an agreement, by its id). */
    public static long count(String jdbcUrl, String aggregateId) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")) {
            statement.setString(1, aggregateId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
