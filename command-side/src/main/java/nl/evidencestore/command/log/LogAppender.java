package nl.evidencestore.command.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.integrity.StreamHead;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
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
    record Leaf(long index, StreamHead head) {
        byte[] leafHash() {
            return EventHash.leafHash(head.hash());
        }
    }

    /** An event of the batch: its id, its place in its stream, and where it probably is in the event table. */
    private record Received(String eventId, String streamId, long sequence, long position) {
    }

    @Override
    public Object handle(EventMessage<?> event) {
        DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
        long position = ((TrackedEventMessage<?>) event).trackingToken().position().orElseThrow(
                () -> new IllegalStateException("the log appender needs each event's tracking position"));
        pending().add(new Received(event.getIdentifier(), domain.getAggregateIdentifier(), domain.getSequenceNumber(),
                position));
        return null;
    }

    private List<Received> pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<Received> received = new ArrayList<>();
            batch.onPrepareCommit(u -> append(batch, received));
            return received;
        });
    }

    private void append(UnitOfWork<?> batch, List<Received> received) {
        try (Connection connection = connections.getConnection()) {
            resyncIfBehind(connection);
            List<Leaf> leaves = leaves(connection, received);
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

    /**
     * The batch's events in the order received, less any the log holds already. Within a
     * stream the log follows the sequence numbers, so an event is logged when its stream's
     * logged head has reached its sequence number: no lookup of the leaves is needed.
     */
    private List<Leaf> leaves(Connection connection, List<Received> received) throws SQLException {
        Map<String, String> hashes = StoredHashes.of(connection,
                received.stream().map(each -> new StoredHashes.Wanted(each.eventId(), each.position())).toList());
        Map<String, Long> logged = new HashMap<>();
        List<Leaf> leaves = new ArrayList<>();
        long next = tree.size();
        for (Received event : received) {
            long last = logged.computeIfAbsent(event.streamId(), heads::loggedSequence);
            if (event.sequence() <= last) {
                continue;
            }
            String hash = hashes.get(event.eventId());
            if (hash == null) {
                throw new IllegalStateException("event " + event.streamId() + " #" + event.sequence()
                        + " has no hash: it cannot be logged");
            }
            leaves.add(new Leaf(next++, new StreamHead(event.streamId(), event.sequence(), hash)));
            logged.put(event.streamId(), event.sequence());
        }
        return leaves;
    }

    private static void insertLeaves(Connection connection, List<Leaf> leaves) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO evidence_log_leaf (idx, stream_id, sequence, hash) VALUES (?, ?, ?, ?)")) {
            for (Leaf leaf : leaves) {
                insert.setLong(1, leaf.index());
                insert.setString(2, leaf.head().streamId());
                insert.setLong(3, leaf.head().sequence());
                insert.setString(4, leaf.head().hash());
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
