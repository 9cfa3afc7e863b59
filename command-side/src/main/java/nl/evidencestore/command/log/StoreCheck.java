package nl.evidencestore.command.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import nl.evidencestore.command.evidence.StoredEvents;
import nl.evidencestore.command.store.AgreementSnapshotter;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.Checkpoint;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.integrity.HeadsTree;
import nl.evidencestore.shared.integrity.SignedNote;
import nl.evidencestore.shared.integrity.StreamHead;
import nl.evidencestore.shared.integrity.VerificationKey;

/**
 * Re-verifies the whole store from its tables, trusting none of them: every stream's chain
 * recomputed from the stored bytes, every leaf of the log against the event it logged, every
 * tile against its leaves, every checkpoint against the tree and heads recomputed at its size
 * and against the key. What an operator edited behind the store's back shows up here.
 */
public final class StoreCheck {
    /** One area's outcome: how much was checked, and every discrepancy found (the first {@value #SHOWN} kept). */
    public record Result(String area, long checked, long failures, List<String> examples) {
        static final int SHOWN = 50;

        public boolean failed() {
            return failures > 0;
        }
    }

    private final DataSource dataSource;
    private final VerificationKey key;

    public StoreCheck(DataSource dataSource, VerificationKey key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    public List<Result> run() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // One snapshot for every query, so that a store running meanwhile cannot look inconsistent.
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            List<Result> results = new ArrayList<>();
            results.add(chains(connection));
            results.add(leaves(connection));
            results.add(unlogged(connection));
            results.add(tiles(connection));
            results.add(checkpoints(connection));
            results.add(snapshots(connection));
            connection.rollback();
            return results;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /** Every stream from sequence 0, each event's hash recomputed from its row and linked to the one before. */
    private Result chains(Connection connection) throws SQLException {
        Findings findings = new Findings("chains");
        String stream = null;
        long expected = 0;
        String previous = EventHash.GENESIS;
        try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvents.COLUMNS
                + " FROM DomainEventEntry ORDER BY aggregateIdentifier, sequenceNumber")) {
            select.setFetchSize(1000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    findings.checked++;
                    String id = row.getString(1);
                    if (!row.getString(3).equals(stream)) {
                        stream = row.getString(3);
                        expected = 0;
                        previous = EventHash.GENESIS;
                    }
                    String where = "event " + id + " (" + stream + " #" + row.getLong(4) + ")";
                    if (row.getLong(4) != expected) {
                        findings.add(where + ": expected sequence " + expected + " — an event is missing");
                    }
                    expected = row.getLong(4) + 1;
                    String stored = row.getString(8);
                    try {
                        EventLine line = StoredEvents.line(row);
                        if (!line.envelope().prevHash().equals(previous)) {
                            findings.add(where + ": prevHash does not match the previous event's hash");
                        }
                        if (!EventHash.of(line.envelope()).equals(stored)) {
                            findings.add(where + ": its row was edited — the hash recomputed from the row differs");
                        }
                    } catch (IllegalArgumentException e) {
                        findings.add(where + ": its row is malformed — " + e.getMessage());
                    }
                    previous = stored == null ? "" : stored;
                }
            }
        }
        return findings.result();
    }

    /** Every agreement snapshot holds what its stream's events up to it make ({@link AgreementSnapshotter#difference}). */
    private Result snapshots(Connection connection) throws SQLException {
        Findings findings = new Findings("snapshots");
        try (PreparedStatement select = connection.prepareStatement("SELECT aggregateIdentifier, sequenceNumber, payload"
                + " FROM SnapshotEventEntry WHERE type = 'Agreement' ORDER BY aggregateIdentifier, sequenceNumber")) {
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    findings.checked++;
                    String agreement = row.getString(1);
                    long sequence = row.getLong(2);
                    AgreementSnapshotter.difference(connection, agreement, sequence, row.getBytes(3))
                            .ifPresent(problem -> findings.add("snapshot of " + agreement + " at #" + sequence + ": "
                                    + problem + " (delete its row: the store reads the agreement from its events and"
                                    + " takes a new snapshot)"));
                }
            }
        }
        return findings.result();
    }

    /** Every leaf still names an event whose hash it holds. */
    private Result leaves(Connection connection) throws SQLException {
        Findings findings = new Findings("log against events");
        try (PreparedStatement select = connection.prepareStatement("SELECT l.idx, l.stream_id, l.sequence, l.hash, e.hash, e.eventIdentifier "
                + "FROM evidence_log_leaf l LEFT JOIN DomainEventEntry e"
                + " ON e.aggregateIdentifier = l.stream_id AND e.sequenceNumber = l.sequence ORDER BY l.idx")) {
            select.setFetchSize(1000);
            try (ResultSet row = select.executeQuery()) {
                long expected = 0;
                while (row.next()) {
                    findings.checked++;
                    String where = "leaf " + row.getLong(1) + " (" + (row.getString(6) == null ? "" : "event " + row.getString(6) + ", ")
                            + row.getString(2) + " #" + row.getLong(3) + ")";
                    if (row.getLong(1) != expected++) {
                        findings.add(where + ": the log has a hole before it");
                        expected = row.getLong(1) + 1;
                    }
                    if (row.getString(5) == null) {
                        findings.add(where + ": the logged event is gone from the event store");
                    } else if (!row.getString(4).equals(row.getString(5))) {
                        findings.add(where + ": the event's hash differs from the one logged — the event or the leaf was edited");
                    }
                }
            }
        }
        return findings.result();
    }

    /** Events the appender has not reached: normal just after a crash, caught up when the store starts. */
    private Result unlogged(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM DomainEventEntry e "
                + "WHERE NOT EXISTS (SELECT 1 FROM evidence_log_leaf l"
                + " WHERE l.stream_id = e.aggregateIdentifier AND l.sequence = e.sequenceNumber)");
             ResultSet row = select.executeQuery()) {
            row.next();
            long pending = row.getLong(1);
            return new Result("events not yet logged (the store logs them when it runs)", pending, 0, List.of());
        }
    }

    private Result tiles(Connection connection) throws SQLException {
        Findings findings = new Findings("tiles");
        Map<Long, byte[]> stored = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT tile, root FROM evidence_log_tile");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                stored.put(row.getLong(1), row.getBytes(2));
            }
        }
        List<byte[]> open = new ArrayList<>();
        long[] tile = {0};
        eachLeaf(connection, (leaf, head) -> {
            open.add(leaf);
            if (open.size() == LogTree.TILE) {
                findings.checked++;
                byte[] root = LogTree.tileRoot(open);
                byte[] kept = stored.remove(tile[0]);
                if (kept == null || !java.util.Arrays.equals(kept, root)) {
                    findings.add("tile " + tile[0] + ": its stored root differs from the root of its leaves");
                }
                tile[0]++;
                open.clear();
            }
        });
        stored.keySet().forEach(extra -> findings.add("tile " + extra + ": stored, but the log has no such complete tile"));
        return findings.result();
    }

    /** Each stored checkpoint: signed by the key, and stating the root and heads the leaves give at its size. */
    private Result checkpoints(Connection connection) throws SQLException {
        Findings findings = new Findings("checkpoints");
        TreeMap<Long, String> notes = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT tree_size, note FROM evidence_checkpoint");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                notes.put(row.getLong(1), row.getString(2));
            }
        }
        Frontier frontier = new Frontier();
        Map<String, StreamHead> heads = new HashMap<>();
        compare(notes, frontier, heads, findings);
        eachLeaf(connection, (leaf, head) -> {
            frontier.add(leaf);
            heads.put(head.streamId(), head);
            compare(notes, frontier, heads, findings);
        });
        notes.keySet().forEach(size -> findings.add("checkpoint of size " + size + ": beyond the log's leaves"));
        return findings.result();
    }

    private void compare(TreeMap<Long, String> notes, Frontier frontier, Map<String, StreamHead> heads,
                         Findings findings) {
        String note = notes.remove(frontier.size());
        if (note == null) {
            return;
        }
        findings.checked++;
        String where = "checkpoint of size " + frontier.size();
        try {
            Checkpoint stated = Checkpoint.parseBody(SignedNote.open(note, originOf(note), key));
            HeadsTree headsTree = HeadsTree.of(heads.values());
            if (!stated.rootHash().equals(HexFormat.of().formatHex(frontier.root()))) {
                findings.add(where + ": its root differs from the root of the log's leaves");
            }
            if (!stated.headsRoot().equals(HexFormat.of().formatHex(headsTree.root()))
                    || stated.headsCount() != headsTree.size()) {
                findings.add(where + ": its heads differ from the streams' heads at that size");
            }
        } catch (RuntimeException e) {
            findings.add(where + ": not signed by this store's key, or malformed — " + e.getMessage());
        }
    }

    private static String originOf(String note) {
        return note.substring(0, Math.max(0, note.indexOf('\n')));
    }

    private interface LeafVisitor {
        void visit(byte[] leafHash, StreamHead head);
    }

    private static void eachLeaf(Connection connection, LeafVisitor visitor) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT stream_id, sequence, hash FROM evidence_log_leaf ORDER BY idx")) {
            select.setFetchSize(1000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    StreamHead head = new StreamHead(row.getString(1), row.getLong(2), row.getString(3));
                    visitor.visit(EventHash.leafHash(head.hash()), head);
                }
            }
        }
    }

    private static final class Findings {
        private final String area;
        private final List<String> examples = new ArrayList<>();
        private long checked;
        private long failures;

        Findings(String area) {
            this.area = area;
        }

        void add(String finding) {
            failures++;
            if (examples.size() < Result.SHOWN) {
                examples.add(finding);
            }
        }

        Result result() {
            return new Result(area, checked, failures, List.copyOf(examples));
        }
    }
}
