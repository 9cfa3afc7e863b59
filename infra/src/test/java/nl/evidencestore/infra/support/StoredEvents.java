package nl.evidencestore.infra.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

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

    /** The events stored once nothing else is being appended (facts mirrored after an earlier test's, say). */
    public static long quietCount(String jdbcUrl) {
        AtomicLong last = new AtomicLong(-1);
        Awaitility.await().pollInterval(Duration.ofMillis(250)).atMost(Duration.ofSeconds(60)).until(() -> {
            long now = count(jdbcUrl);
            return now == last.getAndSet(now);
        });
        return last.get();
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

    /**
     * Whether a tracking processor has passed every event stored so far: its token's index (the
     * JSON of Axon's gap-aware token) is at least the highest global index.
     */
    public static boolean processedAll(String jdbcUrl, String processorName) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement token = connection.prepareStatement(
                     "SELECT convert_from(token, 'UTF8') FROM TokenEntry WHERE processorName = ?");
             Statement highest = connection.createStatement()) {
            token.setString(1, processorName);
            long index;
            try (ResultSet row = token.executeQuery()) {
                if (!row.next() || row.getString(1) == null) {
                    return false;
                }
                index = nl.evidencestore.shared.json.Json.mapper().readTree(row.getString(1)).path("index").asLong(-1);
            }
            try (ResultSet row = highest.executeQuery("SELECT max(globalIndex) FROM DomainEventEntry")) {
                row.next();
                return index >= row.getLong(1);
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The global position of each of these events. */
    public static java.util.List<Long> positionsOf(String jdbcUrl, java.util.Collection<String> eventIds) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("varchar", eventIds.toArray()));
            java.util.List<Long> positions = new java.util.ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    positions.add(row.getLong(1));
                }
            }
            return positions;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
