package nl.evidencestore.infra;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
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
 */
public final class DatabaseLease implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseLease.class);
    /** The first 8 bytes of SHA-256("evidence-store"): the same in every version of the store. */
    static final long KEY = key("evidence-store");
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final int PROBE_SECONDS = 10;

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
    private Connection session;
    private boolean conflictReported;
    private boolean closed;

    private DatabaseLease(Database database, Connection session, Runnable takenByAnother) {
        this.database = database;
        this.session = session;
        this.takenByAnother = takenByAnother;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "database-lease");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Takes the lease, or throws {@link Refused} at once; checks it every {@code every} from
     * then on ({@link #check()}).
     */
    static DatabaseLease take(Database database, Duration every, Runnable takenByAnother) {
        Connection session;
        try {
            session = tryTake(database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + database.named() + " to take the store's lease: "
                    + e.getMessage(), e);
        }
        if (session == null) {
            throw new Refused("another evidence store holds the lease on the database " + database.named()
                    + " (advisory lock " + KEY + "): one store per database; stop the other one first");
        }
        DatabaseLease lease = new DatabaseLease(database, session, takenByAnother);
        lease.watchdog.scheduleWithFixedDelay(lease::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        log.info("holding the store's lease on {}", database.named());
        return lease;
    }

    /** The session holding the lock, or null when another session holds it. */
    private static Connection tryTake(Database database) throws SQLException {
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties(database));
        try (Statement statement = connection.createStatement()) {
            // The server would keep a vanished client's session, and its lock, for hours (the OS's
            // keepalive): a store restarted elsewhere after a power cut would be refused that long.
            statement.execute("SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10;"
                    + " SET tcp_keepalives_count = 3");
            try (ResultSet row = statement.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                row.next();
                if (row.getBoolean(1)) {
                    return connection;
                }
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        closeQuietly(connection);
        return null;
    }

    private static Properties properties(Database database) {
        Properties properties = new Properties();
        if (!database.user().isEmpty()) {
            properties.setProperty("user", database.user());
        }
        if (!database.password().isEmpty()) {
            properties.setProperty("password", database.password());
        }
        // A probe on a half-open socket would otherwise wait for TCP to give up, minutes later.
        properties.setProperty("socketTimeout", String.valueOf(PROBE_SECONDS));
        properties.setProperty("connectTimeout", String.valueOf(PROBE_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "evidence-store lease");
        return properties;
    }

    /** Whether this process holds the lease now, as far as the last check knows. */
    synchronized boolean held() {
        return session != null;
    }

    /**
     * Confirms the lock on its session; once lost (a PostgreSQL restart, a dropped connection),
     * tries to take it again. Another store holds a lease for its whole life, so taking it again
     * shows that none runs now. Failing that, two stores have run on the database at once:
     * {@code takenByAnother} is told, once.
     */
    synchronized void check() {
        if (closed) {
            return;
        }
        if (session != null && !stillHeld(session)) {
            log.error("lost the store's lease on {}: /health/ready reports it DOWN until it is taken again;"
                    + " meanwhile another store could start on that database", database.named());
            closeQuietly(session);
            session = null;
        }
        if (session != null) {
            return;
        }
        try {
            session = tryTake(database);
        } catch (SQLException e) {
            log.debug("cannot take the lease on {} again yet: {}", database.named(), e.getMessage());
            return;
        }
        if (session != null) {
            conflictReported = false;
            log.warn("took the store's lease on {} again", database.named());
        } else if (!conflictReported) {
            conflictReported = true;
            log.error("another evidence store took the lease on {} after this one lost it", database.named());
            takenByAnother.run();
        }
    }

    private static boolean stillHeld(Connection session) {
        try (PreparedStatement query = session.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND pid = pg_backend_pid() AND granted AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1")) {
            // A bigint key is shown split: its high half as classid, its low half as objid.
            query.setLong(1, KEY >>> 32);
            query.setLong(2, KEY & 0xFFFF_FFFFL);
            query.setQueryTimeout(PROBE_SECONDS);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getLong(1) == 1;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closing the session releases the lock: after everything that writes has stopped. */
    @Override
    public void close() {
        watchdog.shutdownNow();
        synchronized (this) {
            closed = true;
            if (session != null) {
                closeQuietly(session);
                session = null;
                log.info("released the store's lease on {}", database.named());
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The server ends the session, and its lock, with the socket.
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
