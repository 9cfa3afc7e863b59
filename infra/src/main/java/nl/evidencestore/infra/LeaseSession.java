package nl.evidencestore.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * One PostgreSQL session that holds, or tried to take, the store's advisory lock
 * ({@link DatabaseLease#KEY}); the lock lives exactly as long as the session.
 */
final class LeaseSession implements AutoCloseable {
    /** How long a probe may wait for the server before the session counts as gone. */
    private static final int PROBE_SECONDS = 10;
    /** How pg_locks shows a bigint key: its high half as classid, its low half as objid. */
    private static final String HOLDER = "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1";

    /** The session if it got the lock; otherwise the server process holding it, if it still does. */
    record Attempt(LeaseSession taken, OptionalInt holder) {
    }

    private final Connection connection;
    private final int pid;

    private LeaseSession(Connection connection, int pid) {
        this.connection = connection;
        this.pid = pid;
    }

    static Attempt attempt(DatabaseLease.Database database) throws SQLException {
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties(database));
        try (Statement statement = connection.createStatement()) {
            // The server would keep a vanished client's session, and its lock, for hours (the OS's
            // keepalive): a store restarted elsewhere after a power cut would be refused that long.
            statement.execute("SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10;"
                    + " SET tcp_keepalives_count = 3");
            try (ResultSet row = statement.executeQuery("SELECT pg_try_advisory_lock(" + DatabaseLease.KEY
                    + "), pg_backend_pid()")) {
                row.next();
                if (row.getBoolean(1)) {
                    return new Attempt(new LeaseSession(connection, row.getInt(2)), OptionalInt.empty());
                }
            }
            OptionalInt holder = holder(connection);
            connection.close();
            return new Attempt(null, holder);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static Properties properties(DatabaseLease.Database database) {
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
        // What an operator sees in pg_stat_activity.
        properties.setProperty("ApplicationName", "evidence-store lease");
        return properties;
    }

    /** The server process of this session: the one pg_locks names as the lock's holder. */
    int pid() {
        return pid;
    }

    /** Whether the server still shows this session holding the lock; false when it does not answer in time. */
    boolean stillHeld() {
        try {
            return holder(connection).equals(OptionalInt.of(pid));
        } catch (SQLException e) {
            return false;
        }
    }

    private static OptionalInt holder(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HOLDER)) {
            query.setLong(1, DatabaseLease.KEY >>> 32);
            query.setLong(2, DatabaseLease.KEY & 0xFFFF_FFFFL);
            query.setQueryTimeout(PROBE_SECONDS);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    /** Ends the session, and with it the lock. */
    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The server ends the session, and its lock, with the socket.
        }
    }
}
