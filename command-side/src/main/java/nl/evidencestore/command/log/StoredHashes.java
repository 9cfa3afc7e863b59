package nl.evidencestore.command.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The hashes the event table holds for events at given positions (its global index). */
public final class StoredHashes {
    private StoredHashes() {
    }

    /**
     * Position → hash for those of the positions the table holds, and perhaps for others
     * between them (look up the ones asked for). A batch of the log appender
     * is nearly always one run of positions, read by one range scan; a batch that closes an old
     * gap, spread wide, is read position by position instead.
     */
    public static Map<Long, String> byPosition(Connection connection, long[] positions) throws SQLException {
        Map<Long, String> hashes = new HashMap<>();
        if (positions.length == 0) {
            return hashes;
        }
        long first = Arrays.stream(positions).min().orElseThrow();
        long last = Arrays.stream(positions).max().orElseThrow();
        boolean run = last - first < 2L * positions.length + 64;
        try (PreparedStatement select = connection.prepareStatement("SELECT globalIndex, hash FROM DomainEventEntry"
                + (run ? " WHERE globalIndex BETWEEN ? AND ?" : " WHERE globalIndex = ANY (?)"))) {
            if (run) {
                select.setLong(1, first);
                select.setLong(2, last);
            } else {
                select.setArray(1, connection.createArrayOf("bigint", Arrays.stream(positions).boxed().toArray(Long[]::new)));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    hashes.put(row.getLong(1), row.getString(2));
                }
            }
        }
        return hashes;
    }
}
