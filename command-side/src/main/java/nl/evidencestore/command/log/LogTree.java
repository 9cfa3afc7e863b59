package nl.evidencestore.command.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.integrity.LeafHashes;
import nl.evidencestore.shared.integrity.MerkleTree;
import nl.evidencestore.shared.integrity.TreeHash;

/**
 * The committed log as a tree that proofs are computed on. The roots of complete tiles of
 * {@value #TILE} leaves and the leaves of the last, incomplete tile live in memory (32 bytes
 * per 256 leaves: 1.25 MB for ten million events); a proof that needs the leaves inside an
 * older tile reads those 256 rows.
 */
public final class LogTree implements LeafHashes {
    static final int TILE = 256;

    private final DataSource dataSource;
    private final List<byte[]> tiles = new ArrayList<>();
    private final List<byte[]> tail = new ArrayList<>();
    private long cachedTile = -1;
    private List<byte[]> cachedLeaves = List.of();

    private LogTree(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The tree as the tables hold it now. */
    public static LogTree load(DataSource dataSource) {
        LogTree tree = new LogTree(dataSource);
        tree.reload();
        return tree;
    }

    /**
     * Reads the tree again from the tables: after a commit that succeeded although its caller
     * saw it fail, memory is behind the table, and the next leaf index would collide.
     */
    synchronized void reload() {
        tiles.clear();
        tail.clear();
        cachedTile = -1;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT root FROM evidence_log_tile ORDER BY tile");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    tiles.add(row.getBytes(1));
                }
            }
            tail.addAll(leaves(connection, (long) tiles.size() * TILE, Long.MAX_VALUE));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the log", e);
        }
    }

    @Override
    public synchronized long size() {
        return (long) tiles.size() * TILE + tail.size();
    }

    public synchronized byte[] root(long size) {
        return new MerkleTree(this).root(size);
    }

    public synchronized List<byte[]> inclusionProof(long index, long size) {
        return new MerkleTree(this).inclusionProof(index, size);
    }

    public synchronized List<byte[]> consistencyProof(long oldSize, long newSize) {
        return new MerkleTree(this).consistencyProof(oldSize, newSize);
    }

    /** The leaves the appender's last batch committed, in log order. */
    synchronized void appended(List<byte[]> leafHashes) {
        for (byte[] leaf : leafHashes) {
            tail.add(leaf);
            if (tail.size() == TILE) {
                tiles.add(tileRoot(tail));
                tail.clear();
            }
        }
    }

    /** The leaves of the incomplete last tile: what a batch completing it must hash with its own. */
    synchronized List<byte[]> tail() {
        return List.copyOf(tail);
    }

    static byte[] tileRoot(List<byte[]> leaves) {
        return new MerkleTree(LeafHashes.of(leaves)).root(leaves.size());
    }

    @Override
    public synchronized byte[] leaf(long index) {
        long tile = index / TILE;
        if (tile == tiles.size()) {
            return tail.get((int) (index % TILE));
        }
        if (tile != cachedTile) {
            cachedLeaves = read(tile * TILE, tile * TILE + TILE);
            cachedTile = tile;
        }
        return cachedLeaves.get((int) (index % TILE));
    }

    /** Complete tiles, and aligned runs of them, are answered from memory. */
    @Override
    public synchronized byte[] completeSubtree(long start, long size) {
        if (size < TILE || start % size != 0 || start + size > (long) tiles.size() * TILE) {
            return null;
        }
        int first = (int) (start / TILE);
        int count = (int) (size / TILE);
        return count == 1 ? tiles.get(first) : combine(first, count);
    }

    private byte[] combine(int first, int count) {
        if (count == 1) {
            return tiles.get(first);
        }
        int half = count / 2;
        return TreeHash.node(combine(first, half), combine(first + half, half));
    }

    private List<byte[]> read(long from, long to) {
        try (Connection connection = dataSource.getConnection()) {
            List<byte[]> leaves = leaves(connection, from, to);
            if (leaves.size() != to - from) {
                throw new IllegalStateException("the log table lacks leaves between " + from + " and " + to);
            }
            return leaves;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the log", e);
        }
    }

    private static List<byte[]> leaves(Connection connection, long from, long to) throws SQLException {
        List<byte[]> leaves = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT idx, hash FROM evidence_log_leaf WHERE idx >= ? AND idx < ? ORDER BY idx")) {
            select.setLong(1, from);
            select.setLong(2, to);
            try (ResultSet row = select.executeQuery()) {
                long expected = from;
                while (row.next()) {
                    if (row.getLong(1) != expected++) {
                        throw new IllegalStateException("the log table has a hole at leaf " + (expected - 1));
                    }
                    leaves.add(EventHash.leafHash(row.getString(2)));
                }
            }
        }
        return leaves;
    }
}
