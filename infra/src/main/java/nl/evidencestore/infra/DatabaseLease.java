package nl.evidencestore.infra;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease that lets one store, and only one, use its database: a session-level advisory lock
 * ({@code pg_try_advisory_lock}) held on a connection of its own, outside the pools, for the
 * process's life. Two rules rest on it: the positions handed out before this process started
 * are settled ({@code StampedEventStorageEngine.settledUpTo}), and the erased subject keys are
 * kept in memory. The server drops the lock with the session, also when the process is killed.
 *
 * <p>Advisory locks belong to one database of a server: stores on other databases of the same
 * server do not meet. A pooler in transaction mode (PgBouncer) would hand the session to others;
 * the store must reach PostgreSQL directly or through session pooling.
 *
 * <p>Once lost (a PostgreSQL restart, a dropped connection), the lease is taken again: another
 * store holds its lease for its whole life, so getting it back shows that none runs now. If
 * another store took it meanwhile, two have run at once; the composition root then stops this one.
 */
public final class DatabaseLease implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseLease.class);
    /** The first 8 bytes of SHA-256("evidence-store"): the same in every version of the store. */
    static final long KEY = key("evidence-store");
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    /** The store's database: where the lease is taken. */
    record Database(String jdbcUrl, String user, String password) {
        /** The URL without its parameters (which may carry a password): what messages name. */
        String named() {
            int parameters = jdbcUrl.indexOf('?');
            return (parameters < 0 ? jdbcUrl : jdbcUrl.substring(0, parameters)).replaceFirst("//[^/@]*@", "//");
        }
    }

    /** Start-up refused: another store holds the lease on this database. */
    public static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }

    private final Database database;
    private final Runnable takenByAnother;
    private final ScheduledExecutorService watchdog;
    /** Read by readiness probes without waiting for a check that waits for the server. */
    private volatile boolean held = true;
    private LeaseSession session;
    /** The server process of the last session that held the lock: it may outlive this side of it. */
    private int lastPid;
    private boolean conflictReported;
    private boolean closed;

    private DatabaseLease(Database database, LeaseSession session, Runnable takenByAnother) {
        this.database = database;
        this.session = session;
        this.lastPid = session.pid();
        this.takenByAnother = takenByAnother;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "database-lease");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Takes the lease, or throws {@link Refused} at once; checks it every {@code every} from then
     * on, and tells {@code takenByAnother} if another store took it after this one lost it.
     */
    static DatabaseLease take(Database database, Duration every, Runnable takenByAnother) {
        LeaseSession.Attempt attempt;
        try {
            attempt = LeaseSession.attempt(database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + database.named() + " to take the store's lease: "
                    + e.getMessage(), e);
        }
        if (attempt.taken() == null) {
            throw new Refused("another evidence store holds the lease on the database " + database.named()
                    + " (advisory lock " + KEY + attempt.holder().stream().mapToObj(pid -> ", server process " + pid)
                    .findFirst().orElse("") + "): one store per database;"
                    + " stop the other one first");
        }
        DatabaseLease lease = new DatabaseLease(database, attempt.taken(), takenByAnother);
        lease.watchdog.scheduleWithFixedDelay(lease::checkQuietly, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("holding the store's lease on {}", database.named());
        return lease;
    }

    private static String holder(OptionalInt pid) {
        return pid.isPresent() ? " (server process " + pid.getAsInt() + ")" : "";
    }

    /** Whether this process holds the lease, as far as the last check knows. */
    boolean held() {
        return held;
    }

    /** A scheduled task that throws runs no more: the lease would go unwatched. */
    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.error("checking the store's lease on {} failed", database.named(), e);
        }
    }

    /** Confirms the lock on its session; once lost, tries to take it again. */
    synchronized void check() {
        if (closed) {
            return;
        }
        if (session != null && session.stillHeld()) {
            return;
        }
        if (session != null) {
            lost();
        }
        LeaseSession.Attempt attempt;
        try {
            attempt = LeaseSession.attempt(database);
        } catch (SQLException e) {
            log.debug("cannot take the lease on {} again yet: {}", database.named(), e.getMessage());
            return;
        }
        if (attempt.taken() != null) {
            retaken(attempt.taken());
        } else if (attempt.holder().isEmpty() || attempt.holder().equals(OptionalInt.of(lastPid))) {
            // This side gave the session up (a probe timed out) and the server has not ended it yet;
            // or its holder ended between the attempt and the look at pg_locks: the next check retries.
            log.warn("the lease on {} is still held by this store's previous session (server process {}), or was"
                    + " just released", database.named(), lastPid);
        } else if (!conflictReported) {
            conflictReported = true;
            log.error("another evidence store took the lease on {} after this one lost it{}: two stores have"
                    + " run on it at once; this one stops", database.named(), holder(attempt.holder()));
            takenByAnother.run();
        }
    }

    private void lost() {
        log.error("lost the store's lease on {}: /health/ready reports it DOWN until it is taken again",
                database.named());
        session.close();
        session = null;
        held = false;
    }

    private void retaken(LeaseSession taken) {
        session = taken;
        lastPid = taken.pid();
        held = true;
        conflictReported = false;
        log.warn("took the store's lease on {} again", database.named());
    }

    /** Closing the session releases the lock: after everything that writes has stopped. */
    @Override
    public void close() {
        watchdog.shutdownNow();
        synchronized (this) {
            closed = true;
            held = false;
            if (session != null) {
                session.close();
                session = null;
                log.info("released the store's lease on {}", database.named());
            }
        }
    }

    private static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
