package nl.evidencestore.command.log;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.integrity.StreamHead;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Appends every stored event's hash to the log, driven by a tracking processor in the event
 * table's order (gaps awaited). A batch's leaves, the tiles it completes and the streams'
 * new heads are written in the transaction that also moves the processor's token, so an
 * at-least-once feed never adds a leaf twice; memory follows only once that commits.
 */
public final class LogAppender implements EventMessageHandler {
    private static final String PENDING = LogAppender.class.getName() + ".pending";

    private final ConnectionProvider connections;
    private final LogTree tree;
    private final StreamHeads heads;
    private final Runnable afterAppend;

    public LogAppender(ConnectionProvider connections, LogTree tree, StreamHeads heads, Runnable afterAppend) {
        this.connections = connections;
        this.tree = tree;
        this.heads = heads;
        this.afterAppend = afterAppend;
    }

    /** A logged event: its leaf index and the head it makes its stream's. */
    record Leaf(long index, String eventId, StreamHead head) {
        byte[] leafHash() {
            return EventHash.leafHash(head.hash());
        }
    }

    @Override
    public Object handle(EventMessage<?> event) {
        pending().add(event.getIdentifier());
        return null;
    }

    private List<String> pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<String> eventIds = new ArrayList<>();
            batch.onPrepareCommit(u -> append(batch, eventIds));
            return eventIds;
        });
    }

    private void append(UnitOfWork<?> batch, List<String> eventIds) {
        try (Connection connection = connections.getConnection()) {
            resyncIfBehind(connection);
            List<Leaf> leaves = leaves(connection, eventIds);
            if (leaves.isEmpty()) {
                return;
            }
            List<byte[]> leafHashes = leaves.stream().map(Leaf::leafHash).toList();
            insertLeaves(connection, leaves);
            insertTiles(connection, leaves.get(0).index(), leafHashes);
            Map<String, Leaf> lastOfStream = new LinkedHashMap<>();
            leaves.forEach(leaf -> lastOfStream.put(leaf.head().streamId(), leaf));
            upsertHeads(connection, lastOfStream.values());
            batch.afterCommit(u -> {
                synchronized (tree) {
                    tree.appended(leafHashes);
                    lastOfStream.values().forEach(leaf -> heads.put(leaf.head()));
                }
                afterAppend.run();
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the log; the batch will be retried", e);
        }
    }

    /** One index probe a batch: memory missed a commit (its caller saw it fail) when the table is ahead. */
    private void resyncIfBehind(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(max(idx) + 1, 0) FROM evidence_log_leaf");
             ResultSet row = select.executeQuery()) {
            row.next();
            if (row.getLong(1) != tree.size()) {
                synchronized (tree) {
                    tree.reload();
                    StreamHeads.reloadInto(heads, connection);
                }
            }
        }
    }

    /** The batch's events in the order received, less any the log holds already. */
    private List<Leaf> leaves(Connection connection, List<String> eventIds) throws SQLException {
        Map<String, StreamHead> stored = new HashMap<>();
        Set<String> logged = new HashSet<>();
        Array ids = connection.createArrayOf("varchar", eventIds.toArray());
        try (PreparedStatement select = connection.prepareStatement("SELECT e.eventIdentifier, e.aggregateIdentifier, "
                + "e.sequenceNumber, e.hash, l.idx FROM DomainEventEntry e LEFT JOIN evidence_log_leaf l "
                + "ON l.event_id = e.eventIdentifier WHERE e.eventIdentifier = ANY (?)")) {
            select.setArray(1, ids);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (row.getString(4) == null) {
                        throw new IllegalStateException("event " + row.getString(1) + " has no hash: it cannot be logged");
                    }
                    stored.put(row.getString(1), new StreamHead(row.getString(2), row.getLong(3), row.getString(4)));
                    if (row.getObject(5) != null) {
                        logged.add(row.getString(1));
                    }
                }
            }
        }
        List<Leaf> leaves = new ArrayList<>();
        long next = tree.size();
        for (String eventId : eventIds) {
            if (!logged.contains(eventId) && stored.containsKey(eventId)) {
                leaves.add(new Leaf(next++, eventId, stored.get(eventId)));
            }
        }
        return leaves;
    }

    private static void insertLeaves(Connection connection, List<Leaf> leaves) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO evidence_log_leaf (idx, event_id, stream_id, sequence, hash) VALUES (?, ?, ?, ?, ?)")) {
            for (Leaf leaf : leaves) {
                insert.setLong(1, leaf.index());
                insert.setString(2, leaf.eventId());
                insert.setString(3, leaf.head().streamId());
                insert.setLong(4, leaf.head().sequence());
                insert.setString(5, leaf.head().hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The roots of the tiles this batch completes, from the committed tail and the batch's leaves. */
    private void insertTiles(Connection connection, long firstIndex, List<byte[]> leafHashes) throws SQLException {
        List<byte[]> open = new ArrayList<>(tree.tail());
        long tile = firstIndex / LogTree.TILE;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO evidence_log_tile (tile, root) VALUES (?, ?)")) {
            for (byte[] leaf : leafHashes) {
                open.add(leaf);
                if (open.size() == LogTree.TILE) {
                    insert.setLong(1, tile++);
                    insert.setBytes(2, LogTree.tileRoot(open));
                    insert.addBatch();
                    open.clear();
                }
            }
            insert.executeBatch();
        }
    }

    private static void upsertHeads(Connection connection, Iterable<Leaf> heads) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO evidence_log_head "
                + "(stream_id, sequence, hash, idx) VALUES (?, ?, ?, ?) ON CONFLICT (stream_id) DO UPDATE "
                + "SET sequence = EXCLUDED.sequence, hash = EXCLUDED.hash, idx = EXCLUDED.idx")) {
            for (Leaf leaf : heads) {
                upsert.setString(1, leaf.head().streamId());
                upsert.setLong(2, leaf.head().sequence());
                upsert.setString(3, leaf.head().hash());
                upsert.setLong(4, leaf.index());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}
