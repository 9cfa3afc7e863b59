package nl.evidencestore.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.evidencestore.infra.support.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {
    private static final Path BINARIES = SharedInfrastructure.postgresBinaries();

    @TempDir
    Path dir;

    @Test
    void committedRowsSurviveARestart() throws SQLException {
        Path dataDir = dir.resolve("pg");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, BINARIES)) {
            postgres.createDatabaseIfAbsent("evidence");
            execute(postgres.dataSource("evidence"),
                    "CREATE TABLE kept (note text)",
                    "INSERT INTO kept VALUES ('written before the restart')");
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, BINARIES)) {
            assertThat(column(postgres.dataSource("evidence"), "SELECT note FROM kept"))
                    .containsExactly("written before the restart");
        }
    }

    @Test
    void runsWithTheDurabilityOfAProductionServerOnLoopbackOnly() throws SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dir.resolve("pg"), BINARIES)) {
            DataSource db = postgres.dataSource("postgres");
            assertThat(column(db, "SHOW fsync")).containsExactly("on");
            assertThat(column(db, "SHOW synchronous_commit")).containsExactly("on");
            assertThat(column(db, "SHOW full_page_writes")).containsExactly("on");
            assertThat(column(db, "SHOW listen_addresses")).containsExactly("127.0.0.1");
            assertThat(column(db, "SHOW unix_socket_directories")).containsExactly("");
            assertThat(column(db, "SHOW max_connections")).containsExactly("100");
            assertThat(column(db, "SELECT current_setting('server_version_num')::int / 10000"))
                    .containsExactly("18");
        }
    }

    @Test
    void createsDatabasesOnceAndHandsOutOnePoolPerDatabase() throws SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dir.resolve("pg"), BINARIES)) {
            postgres.createDatabaseIfAbsent("projections");
            postgres.createDatabaseIfAbsent("projections");
            assertThat(postgres.dataSource("projections")).isSameAs(postgres.dataSource("projections"));
            assertThat(column(postgres.dataSource("projections"), "SELECT current_database()"))
                    .containsExactly("projections");
            assertThat(postgres.jdbcUrl("projections"))
                    .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/projections?user=postgres");
            assertThatThrownBy(() -> postgres.createDatabaseIfAbsent("x\"; DROP"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesASecondServerOnDataInUse() throws SQLException {
        Path dataDir = dir.resolve("pg");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, BINARIES)) {
            assertThatThrownBy(() -> EmbeddedPostgres.start(dataDir, BINARIES))
                    .isInstanceOf(DataDirectoryInUse.class)
                    .hasMessageContaining("in use");
            assertThat(column(postgres.dataSource("postgres"), "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void stopsTheServerThatAKilledJvmLeftAndKeepsItsData() throws Exception {
        Path dataDir = dir.resolve("pg");
        Path output = dir.resolve("child.out");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                LeftoverPostgresMain.class.getName(), dataDir.toString(), BINARIES.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !child.isAlive() || Files.readAllLines(output).contains("READY"));
            assertThat(child.isAlive()).as("child JVM, which wrote:%n%s", read(output)).isTrue();
        } finally {
            // SIGKILL: no shutdown hooks, no chance to stop the server.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long leftoverPid = postmasterPid(dataDir);
        assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive))
                .as("the server outlived its JVM").contains(true);

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, BINARIES)) {
            assertThat(postmasterPid(dataDir)).isNotEqualTo(leftoverPid);
            assertThat(Postmaster.running(dataDir.resolve("cluster")).map(Postmaster::pid))
                    .contains(postmasterPid(dataDir));
            assertThat(column(postgres.dataSource("postgres"), "SELECT note FROM committed_by_child"))
                    .containsExactly("committed before kill -9");
        }
        assertThat(Postmaster.running(dataDir.resolve("cluster"))).isEmpty();
    }

    @Test
    void startsDespiteAPidFileNamingSomeOtherLiveProcess() throws Exception {
        Path dataDir = dir.resolve("pg");
        EmbeddedPostgres.start(dataDir, BINARIES).close();
        // As after a reboot or in a new container, when the old pid now belongs to someone else: this JVM.
        Files.writeString(dataDir.resolve("cluster/postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + dataDir.resolve("cluster") + "\n");

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, BINARIES)) {
            assertThat(column(postgres.dataSource("postgres"), "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void setsAsideWhatAnInterruptedInitdbLeft() throws Exception {
        Path dataDir = dir.resolve("pg");
        Files.createDirectories(dataDir.resolve("cluster"));
        Files.writeString(dataDir.resolve("cluster/PG_VERSION"), "18\n");

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, BINARIES)) {
            assertThat(column(postgres.dataSource("postgres"), "SELECT 1")).containsExactly("1");
        }
        try (var entries = Files.list(dataDir)) {
            assertThat(entries.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("cluster.unfinished-"));
        }
    }

    private static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("cluster/postmaster.pid")).get(0).trim());
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    private static void execute(DataSource db, String... statements) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> column(DataSource db, String query) throws SQLException {
        try (Connection connection = db.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
