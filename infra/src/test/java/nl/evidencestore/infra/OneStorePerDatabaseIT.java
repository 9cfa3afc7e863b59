package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.SECURITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.evidencestore.infra.embedded.EmbeddedPostgres;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lease: a second store on a database that a store runs on is refused at start-up, in
 * process and as the packaged jar; the next store starts once the first stopped; a store whose
 * lost lease another took stops, and {@code serve} exits with status 2; so does a store whose
 * embedded data directory another process holds.
 */
class OneStorePerDatabaseIT {
    @TempDir
    Path dir;

    @Test
    void aSecondStoreIsRefusedWhileTheFirstKeepsServingAndTheNextStartsOnceItStopped() throws Exception {
        Map<String, String> environment = SharedInfrastructure.storeEnvironment(dir.resolve("first"));
        Map<String, String> second = new HashMap<>(environment);
        second.put("EVIDENCE_DATA_DIR", dir.resolve("second").toString());
        String refusal = "another evidence store holds the lease on the database "
                + environment.get("EVIDENCE_EVENTSTORE_URL").replaceFirst("\\?.*", "") + " ";

        try (EvidenceStore first = EvidenceStore.start(Settings.from(environment))) {
            assertThatThrownBy(() -> EvidenceStore.start(Settings.from(second)).close())
                    .isInstanceOf(DatabaseLease.Refused.class).hasMessageContaining(refusal);
            Refusal jar = refusedStore(second);
            assertThat(jar.exitStatus()).isEqualTo(2);
            assertThat(jar.output()).contains("evidence store not started: " + refusal);

            Api api = new Api(first.httpPort());
            Api.Response ready = api.get("/health/ready", null);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body()).contains("\"lease\":{\"status\":\"UP\"}");
            assertThat(api.get("/api/v1/agreements", SECURITY).status()).isEqualTo(200);
        }

        try (EvidenceStore next = EvidenceStore.start(Settings.from(second))) {
            assertThat(new Api(next.httpPort()).get("/health/ready", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aStoreOnAnEmbeddedDataDirectoryInUseIsRefusedWithExitStatus2() throws Exception {
        Path dataDir = dir.resolve("embedded");
        try (EmbeddedPostgres running = EmbeddedPostgres.start(dataDir.resolve("pg"), SharedInfrastructure.postgresBinaries())) {
            Refusal jar = refusedStore(Map.of("EVIDENCE_DATA_DIR", dataDir.toString()));
            assertThat(jar.exitStatus()).isEqualTo(2);
            assertThat(jar.output()).contains("evidence store not started: " + dataDir.resolve("pg") + " is in use by")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aStoreWhoseLostLeaseAnotherTookStopsWithExitStatus2() throws Exception {
        Map<String, String> environment = SharedInfrastructure.storeEnvironment(dir.resolve("data"));
        String url = environment.get("EVIDENCE_EVENTSTORE_URL");
        Process store = packagedStore(environment, dir.resolve("store.log"));
        try (Connection admin = DriverManager.getConnection(SharedInfrastructure.jdbcUrlOf("postgres"));
             Connection other = DriverManager.getConnection(url)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(dir.resolve("store.log"))
                    .contains("evidence store serving HTTP"));

            // As a dropped connection ends the session; the other store takes the lock before the
            // watchdog takes it back (and should the watchdog win, its new session is ended too).
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                endLeaseSessions(admin, url);
                return tryLock(other);
            });

            assertThat(store.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(store.exitValue()).isEqualTo(2);
            assertThat(Files.readString(dir.resolve("store.log"))).contains("another evidence store took the lease on "
                    + url.replaceFirst("\\?.*", "") + " after this one lost it");
        } finally {
            store.destroyForcibly();
        }
    }

    private static void endLeaseSessions(Connection admin, String url) throws SQLException {
        try (PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = ? AND application_name = 'evidence-store lease'")) {
            kill.setString(1, url.replaceFirst("\\?.*", "").replaceFirst(".*/", ""));
            kill.execute();
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, DatabaseLease.KEY);
            try (ResultSet granted = lock.executeQuery()) {
                return granted.next() && granted.getBoolean(1);
            }
        }
    }

    private record Refusal(int exitStatus, String output) {
    }

    /** {@code java -jar evidence-store.jar serve} with these settings, run until it exits. */
    private Refusal refusedStore(Map<String, String> environment) throws IOException, InterruptedException {
        Path output = dir.resolve("refused.log");
        Process process = packagedStore(environment, output);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the refused store still runs; its output: " + Files.readString(output));
        }
        return new Refusal(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** {@code java -jar evidence-store.jar serve} with these settings (and no others), its output to {@code log}. */
    private static Process packagedStore(Map<String, String> environment, Path log) throws IOException {
        Path jar = Path.of(System.getProperty("evidence.jar", "target/evidence-store.jar"));
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-jar", jar.toString(), "serve")).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("EVIDENCE_"));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
