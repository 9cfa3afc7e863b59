package nl.evidencestore.command.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The hashes the event table holds for given events. */
public final class StoredHashes {
    private StoredHashes() {
    }

    /**
     * An event by its id, with where in the event table (its global index) it probably is: a
     * tracking token's index is the event's own, unless the event closed a gap (then the token
     * stays at the highest index seen before).
     */
    public record Wanted(String eventId, long position) {
    }

    /**
     * Event id → hash for those of the events the table holds. A batch of the log appender is
     * nearly always one run of positions, read by one range scan; what that scan misses (an
     * event that closed a gap) is then read by id, and so is a batch spread wide.
     */
    public static Map<String, String> of(Connection connection, List<Wanted> wanted) throws SQLException {
        Map<String, String> hashes = new HashMap<>();
        if (wanted.isEmpty()) {
            return hashes;
        }
        long first = wanted.stream().mapToLong(Wanted::position).min().orElseThrow();
        long last = wanted.stream().mapToLong(Wanted::position).max().orElseThrow();
        if (last - first < 2L * wanted.size() + 64) {
            read(connection, "globalIndex BETWEEN ? AND ?", select -> {
                select.setLong(1, first);
                select.setLong(2, last);
            }, hashes);
        }
        List<String> missed = wanted.stream().map(Wanted::eventId).filter(id -> !hashes.containsKey(id)).toList();
        if (!missed.isEmpty()) {
            read(connection, "eventIdentifier = ANY (?)",
                    select -> select.setArray(1, connection.createArrayOf("varchar", missed.toArray())), hashes);
        }
        return hashes;
    }

    private interface Binder {
        void bind(PreparedStatement select) throws SQLException;
    }

    private static void read(Connection connection, String where, Binder binder, Map<String, String> into)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT eventIdentifier, hash FROM DomainEventEntry WHERE " + where)) {
            binder.bind(select);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    into.put(row.getString(1), row.getString(2));
                }
            }
        }
    }
}
