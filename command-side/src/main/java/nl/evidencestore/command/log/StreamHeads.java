package nl.evidencestore.command.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.evidencestore.shared.integrity.StreamHead;

/**
 * Every stream's last logged event. The current heads live in memory for the next
 * checkpoint; the heads at any older tree size are read back from the leaves, which is how a
 * bundle proves where an agreement stood in a checkpoint an auditor kept.
 */
public final class StreamHeads {
    private final DataSource dataSource;
    private final Map<String, StreamHead> current = new HashMap<>();

    private StreamHeads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static StreamHeads load(DataSource dataSource) {
        StreamHeads heads = new StreamHeads(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            reloadInto(heads, connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the streams' heads", e);
        }
        return heads;
    }

    /** The heads as the table holds them, replacing what memory held. */
    static void reloadInto(StreamHeads heads, Connection connection) throws SQLException {
        Map<String, StreamHead> read = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT stream_id, sequence, hash FROM evidence_log_head");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                read.put(row.getString(1), new StreamHead(row.getString(1), row.getLong(2), row.getString(3)));
            }
        }
        synchronized (heads) {
            heads.current.clear();
            heads.current.putAll(read);
        }
    }

    synchronized void put(StreamHead head) {
        current.put(head.streamId(), head);
    }

    /** The sequence number of the stream's last logged event, or -1 when none is logged. */
    synchronized long loggedSequence(String streamId) {
        StreamHead head = current.get(streamId);
        return head == null ? -1 : head.sequence();
    }

    synchronized List<StreamHead> snapshot() {
        return List.copyOf(current.values());
    }

    /**
     * The heads when the log held {@code treeSize} leaves: one backward index scan per stream,
     * which stops at its first leaf below that size (a stream's leaves follow its sequence).
     */
    public List<StreamHead> at(long treeSize) {
        List<StreamHead> heads = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT h.stream_id, l.sequence, l.hash FROM evidence_log_head h
                     CROSS JOIN LATERAL (SELECT sequence, hash FROM evidence_log_leaf
                                         WHERE stream_id = h.stream_id AND idx < ? ORDER BY sequence DESC LIMIT 1) l""")) {
            select.setLong(1, treeSize);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    heads.add(new StreamHead(row.getString(1), row.getLong(2), row.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the streams' heads", e);
        }
        return heads;
    }

    /** Where a logged event lies in the log, or -1 while it is not logged yet. */
    public long indexOf(String eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT l.idx FROM DomainEventEntry e"
                     + " JOIN evidence_log_leaf l ON l.stream_id = e.aggregateIdentifier AND l.sequence = e.sequenceNumber"
                     + " WHERE e.eventIdentifier = ?")) {
            select.setString(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the log", e);
        }
    }

    /** The leaf index of a stream's event of that sequence number, or -1 while it is not logged. */
    public long indexOf(String streamId, long sequence) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT idx FROM evidence_log_leaf WHERE stream_id = ? AND sequence = ?")) {
            select.setString(1, streamId);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the log", e);
        }
    }
}
