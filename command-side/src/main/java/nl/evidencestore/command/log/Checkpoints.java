package nl.evidencestore.command.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nl.evidencestore.shared.integrity.Checkpoint;
import nl.evidencestore.shared.integrity.HeadsTree;
import nl.evidencestore.shared.integrity.ProofRejected;
import nl.evidencestore.shared.integrity.SignedCheckpoint;
import nl.evidencestore.shared.integrity.SignedNote;
import nl.evidencestore.shared.integrity.SigningKey;
import nl.evidencestore.shared.integrity.StreamHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs checkpoints of the log with the store's key: every {@code interval} while the log
 * grows, after every {@code everyLeaves} leaves, and on demand for a bundle that needs its
 * newest events covered. Each is stored (so that proofs against it stay possible) and
 * published.
 */
public final class Checkpoints implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    /** How often and how many leaves apart checkpoints are signed. */
    public record Cadence(Duration interval, long everyLeaves) {
        public static final Cadence DEFAULT = new Cadence(Duration.ofSeconds(5), 10_000);
    }

    private final String origin;
    private final SigningKey key;
    private final LogTree tree;
    private final StreamHeads heads;
    private final DataSource dataSource;
    private final Clock clock;
    private final Cadence cadence;
    private final Consumer<SignedCheckpoint> publish;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "evidence-checkpoints"));
    private volatile Signed latest;

    /** The latest checkpoint with the heads tree it signed, which bundle proofs are made from. */
    private record Signed(SignedCheckpoint checkpoint, HeadsTree heads) {
    }

    public Checkpoints(String origin, SigningKey key, LogTree tree, StreamHeads heads, DataSource dataSource,
                       Clock clock, Cadence cadence, Consumer<SignedCheckpoint> publish) {
        this.origin = origin;
        this.key = key;
        this.tree = tree;
        this.heads = heads;
        this.dataSource = dataSource;
        this.clock = clock;
        this.cadence = cadence;
        this.publish = publish;
    }

    /** Signs what the log holds now unless the stored latest checkpoint covers it, then keeps time. */
    public void start() {
        latestStored().ifPresent(stored -> latest = stored);
        sign();
        long millis = cadence.interval().toMillis();
        ticker.scheduleWithFixedDelay(this::signIfGrown, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The name this log signs under; a checkpoint of another origin is not one of its own. */
    public String origin() {
        return origin;
    }

    public SignedCheckpoint latest() {
        return latest.checkpoint();
    }

    /** Called after each appended batch: a checkpoint every so many leaves, and wakes waiting bundles. */
    public void appended() {
        Signed current = latest;
        if (current == null || tree.size() - current.checkpoint().checkpoint().treeSize() >= cadence.everyLeaves()) {
            sign();
        }
        synchronized (tree) {
            tree.notifyAll();
        }
    }

    /**
     * A checkpoint whose log holds the event of that id, signing one when the latest does not;
     * empty when the event is not logged within the timeout.
     */
    public Optional<SignedCheckpoint> covering(String eventId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long index;
        // Logged in the table is not yet in the tree: memory follows the appender's commit.
        while ((index = heads.indexOf(eventId)) < 0 || index >= tree.size()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            synchronized (tree) {
                tree.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }
        if (latest.checkpoint().checkpoint().treeSize() <= index) {
            sign();
        }
        return Optional.of(latest.checkpoint());
    }

    /** The heads tree a checkpoint signed, rebuilt from the leaves when it is not the latest. */
    public HeadsTree headsOf(Checkpoint checkpoint) {
        Signed current = latest;
        if (current.checkpoint().checkpoint().equals(checkpoint)) {
            return current.heads();
        }
        return HeadsTree.of(heads.at(checkpoint.treeSize()));
    }

    /** A stored checkpoint of exactly this tree size. */
    public Optional<String> noteOf(long treeSize) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT note FROM evidence_checkpoint WHERE tree_size = ?")) {
            select.setLong(1, treeSize);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read checkpoints", e);
        }
    }

    /** The stored checkpoint of the largest tree, when it is of the tree as it stands. */
    private Optional<Signed> latestStored() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT note FROM evidence_checkpoint ORDER BY tree_size DESC LIMIT 1");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            String note = row.getString(1);
            Checkpoint checkpoint = Checkpoint.parseBody(SignedNote.open(note, origin, key.verificationKey()));
            if (checkpoint.treeSize() != tree.size()) {
                return Optional.empty();
            }
            return Optional.of(new Signed(new SignedCheckpoint(checkpoint, note), HeadsTree.of(heads.snapshot())));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read checkpoints", e);
        } catch (IllegalArgumentException | ProofRejected e) {
            log.warn("the latest stored checkpoint is not signed by this store's key ({}); signing anew", e.getMessage());
            return Optional.empty();
        }
    }

    private void signIfGrown() {
        try {
            if (tree.size() > latest.checkpoint().checkpoint().treeSize()) {
                sign();
            }
        } catch (RuntimeException e) {
            log.warn("could not sign a checkpoint; will try again: {}", e.toString());
        }
    }

    private synchronized void sign() {
        long size;
        List<StreamHead> snapshot;
        synchronized (tree) {
            size = tree.size();
            snapshot = heads.snapshot();
        }
        Signed current = latest;
        if (current != null && current.checkpoint().checkpoint().treeSize() == size) {
            return;
        }
        HeadsTree headsTree = HeadsTree.of(snapshot);
        Checkpoint checkpoint = new Checkpoint(origin, size, hex(tree.root(size)), headsTree.size(),
                hex(headsTree.root()), clock.instant().truncatedTo(ChronoUnit.MICROS));
        SignedCheckpoint signed = SignedCheckpoint.sign(checkpoint, key);
        store(signed);
        latest = new Signed(signed, headsTree);
        publish.accept(signed);
    }

    private void store(SignedCheckpoint signed) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO evidence_checkpoint (tree_size, note) VALUES (?, ?) ON CONFLICT (tree_size) DO NOTHING")) {
            insert.setLong(1, signed.checkpoint().treeSize());
            insert.setString(2, signed.note());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a checkpoint", e);
        }
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
