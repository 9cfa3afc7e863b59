package nl.evidencestore.command.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;

/**
 * Remembers which idempotency keys were applied, with which content and which events, in
 * the same transaction as the events: a repeat is recognised even across a crash. The content
 * is kept as a keyed digest ({@link #contentHash}), never as a plain hash that would confirm a
 * guessed subject reference.
 */
public final class CommandLedger {
    /** What was recorded for one key; {@code contentSha256} is the keyed digest {@link #contentHash} gives. */
    public record Entry(String contentSha256, List<String> eventIds) {
    }

    private final ConnectionProvider connections;
    private final KeyedDigest digest;

    private CommandLedger(ConnectionProvider connections, KeyedDigest digest) {
        this.connections = connections;
        this.digest = digest;
    }

    /** Reads the ledger's secret, making it on first use; the tables must exist. */
    public static CommandLedger open(ConnectionProvider connections) {
        return new CommandLedger(connections, KeyedDigest.withSecretIn(connections, "command_ledger_secret"));
    }

    /**
     * The digest the ledger keeps of a command's content (its JSON, the same bytes for the same
     * content): HMAC-SHA256 under the ledger's secret, lower-case hex.
     */
    public String contentHash(byte[] json) {
        return digest.of(json);
    }

    public Optional<Entry> find(String key) {
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT content_sha256, event_ids FROM command_ledger WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String[] ids = (String[]) row.getArray(2).getArray();
                return Optional.of(new Entry(row.getString(1), Arrays.asList(ids)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the command ledger", e);
        }
    }

    public void record(String key, String contentSha256, List<String> eventIds) {
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO command_ledger (idempotency_key, content_sha256, event_ids) VALUES (?, ?, ?)")) {
            Array ids = connection.createArrayOf("text", eventIds.toArray());
            insert.setString(1, key);
            insert.setString(2, contentSha256);
            insert.setArray(3, ids);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the command ledger", e);
        }
    }

    /** The entries of those keys that exist, in one query: a batch of accesses checks all its keys at once. */
    public Map<String, Entry> findAll(Collection<String> keys) {
        Map<String, Entry> found = new HashMap<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT idempotency_key, content_sha256, event_ids FROM command_ledger WHERE idempotency_key = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.put(row.getString(1), new Entry(row.getString(2), Arrays.asList((String[]) row.getArray(3).getArray())));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the command ledger", e);
        }
    }

    /** One new key with what it appended. */
    public record Row(String key, String contentSha256, List<String> eventIds) {
    }

    /**
     * Writes the rows in the caller's transaction. Rows of one event each (a batch of accesses)
     * go in as one statement over three arrays: a JDBC batch built a text array per row, and
     * the server ran a thousand-row batch as eight statements.
     */
    public void recordAll(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = connections.getConnection()) {
            if (rows.stream().allMatch(row -> row.eventIds().size() == 1)) {
                recordSingles(connection, rows);
            } else {
                recordBatch(connection, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the command ledger", e);
        }
    }

    private static void recordSingles(Connection connection, List<Row> rows) throws SQLException {
        String[] keys = new String[rows.size()];
        String[] hashes = new String[rows.size()];
        String[] eventIds = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            keys[i] = rows.get(i).key();
            hashes[i] = rows.get(i).contentSha256();
            eventIds[i] = rows.get(i).eventIds().get(0);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO command_ledger (idempotency_key, content_sha256, event_ids) "
                        + "SELECT k, h, ARRAY[e] FROM unnest(?::text[], ?::text[], ?::text[]) AS r(k, h, e)")) {
            insert.setArray(1, connection.createArrayOf("text", keys));
            insert.setArray(2, connection.createArrayOf("text", hashes));
            insert.setArray(3, connection.createArrayOf("text", eventIds));
            insert.executeUpdate();
        }
    }

    private static void recordBatch(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO command_ledger (idempotency_key, content_sha256, event_ids) VALUES (?, ?, ?)")) {
            for (Row row : rows) {
                insert.setString(1, row.key());
                insert.setString(2, row.contentSha256());
                insert.setArray(3, connection.createArrayOf("text", row.eventIds().toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The global position of the last of these events: what "applied P" waits for. */
    public long positionOf(List<String> eventIds) {
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT max(globalIndex) FROM DomainEventEntry WHERE eventIdentifier = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read event positions", e);
        }
    }
}
