package nl.evidencestore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import nl.evidencestore.infra.support.SharedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The lease on the shared PostgreSQL server: one holder per database, released with its session. */
@ExtendWith(SharedInfrastructure.class)
class DatabaseLeaseTest {
    /** Checked by hand in these tests, never by the watchdog. */
    private static final Duration NEVER = Duration.ofHours(1);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final AtomicInteger takenByAnother = new AtomicInteger();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : opened) {
            resource.close();
        }
    }

    @Test
    void aSecondStoreIsRefusedWithAMessageThatNamesTheDatabaseButNoPassword() {
        String database = SharedInfrastructure.freshDatabaseName();
        take(url(database, "url-secret"), "password-secret");

        assertThatThrownBy(() -> take(url(database, "url-secret"), "password-secret"))
                .isInstanceOf(DatabaseLease.Refused.class)
                .hasMessageContaining("another evidence store holds the lease on the database jdbc:postgresql://127.0.0.1:"
                        + SharedInfrastructure.postgres().port() + "/" + database + " ")
                .message().doesNotContain("secret").doesNotContain("user=");
    }

    @Test
    void storesOnOtherDatabasesOfTheSameServerDoNotMeet() {
        DatabaseLease first = take(SharedInfrastructure.jdbcUrlOf(SharedInfrastructure.freshDatabaseName()), "");
        DatabaseLease second = take(SharedInfrastructure.jdbcUrlOf(SharedInfrastructure.freshDatabaseName()), "");

        assertThat(first.held()).isTrue();
        assertThat(second.held()).isTrue();
    }

    @Test
    void closingReleasesTheLeaseForTheNextStore() throws SQLException {
        String database = SharedInfrastructure.freshDatabaseName();
        DatabaseLease first = take(SharedInfrastructure.jdbcUrlOf(database), "");
        assertThat(holder(database)).isPresent();

        first.close();

        assertThat(holder(database)).isEmpty();
        assertThat(take(SharedInfrastructure.jdbcUrlOf(database), "").held()).isTrue();
    }

    @Test
    void aLeaseLostWithItsSessionIsTakenAgainWhenNoOtherStoreHoldsIt() throws SQLException {
        String database = SharedInfrastructure.freshDatabaseName();
        DatabaseLease lease = take(SharedInfrastructure.jdbcUrlOf(database), "");
        int lostSession = holder(database).orElseThrow();

        terminate(database, lostSession);
        lease.check();

        assertThat(lease.held()).isTrue();
        assertThat(holder(database)).isPresent().get().isNotEqualTo(lostSession);
        assertThat(takenByAnother).hasValue(0);
    }

    @Test
    void aLeaseLostAndTakenByAnotherStoreIsReportedOnce() throws SQLException {
        String database = SharedInfrastructure.freshDatabaseName();
        DatabaseLease lease = take(SharedInfrastructure.jdbcUrlOf(database), "");
        terminate(database, holder(database).orElseThrow());
        Connection other = connect(database);
        try (PreparedStatement lock = other.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, DatabaseLease.KEY);
            try (ResultSet granted = lock.executeQuery()) {
                assertThat(granted.next() && granted.getBoolean(1)).isTrue();
            }
        }

        lease.check();
        lease.check();

        assertThat(lease.held()).isFalse();
        assertThat(takenByAnother).hasValue(1);
    }

    @Test
    void itsOwnSessionThatTheServerHasNotEndedYetIsNotTakenForAnotherStore() throws Exception {
        String database = SharedInfrastructure.freshDatabaseName();
        DatabaseLease lease = take(SharedInfrastructure.jdbcUrlOf(database), "");
        int pid = holder(database).orElseThrow();

        // A server that stops answering: the probe times out and this side gives the session up,
        // while the server still shows it holding the lock.
        signal("STOP", pid);
        try {
            lease.check();
            assertThat(lease.held()).isFalse();
            assertThat(holder(database)).contains(pid);
        } finally {
            signal("CONT", pid);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            lease.check();
            assertThat(lease.held()).isTrue();
        });
        assertThat(takenByAnother).hasValue(0);
    }

    private DatabaseLease take(String url, String password) {
        DatabaseLease lease = DatabaseLease.take(new DatabaseLease.Database(url, "", password), NEVER,
                takenByAnother::incrementAndGet);
        opened.add(lease);
        return lease;
    }

    /** The shared server's URL with a password parameter, which trust authentication ignores. */
    private static String url(String database, String password) {
        return SharedInfrastructure.jdbcUrlOf(database) + "&password=" + password;
    }

    /** The backend holding the store's lock on that database, as pg_locks shows it. */
    private Optional<Integer> holder(String database) throws SQLException {
        try (PreparedStatement query = connect("postgres").prepareStatement("SELECT l.pid FROM pg_locks l"
                + " JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted"
                + " AND d.datname = ? AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1")) {
            query.setString(1, database);
            query.setLong(2, DatabaseLease.KEY >>> 32);
            query.setLong(3, DatabaseLease.KEY & 0xFFFF_FFFFL);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getInt(1)) : Optional.empty();
            }
        }
    }

    /** As a PostgreSQL restart or a dropped connection ends the session; returns once its lock is gone. */
    private void terminate(String database, int pid) throws SQLException {
        try (PreparedStatement kill = connect("postgres").prepareStatement("SELECT pg_terminate_backend(?)")) {
            kill.setInt(1, pid);
            kill.execute();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> holder(database).isEmpty());
    }

    private static void signal(String signal, int pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private Connection connect(String database) throws SQLException {
        Connection connection = DriverManager.getConnection(SharedInfrastructure.jdbcUrlOf(database));
        opened.add(connection);
        return connection;
    }
}
