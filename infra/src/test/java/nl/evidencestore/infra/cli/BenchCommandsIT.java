package nl.evidencestore.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The W1, W3 to W7 and crash subcommands at tiny sizes: each runs to the end and prints its figures; no timings asserted. */
class BenchCommandsIT {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureTheFigures() {
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        originalOut.print(printed());
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Test
    void searchBenchIndexesAndReportsEveryClassOfTheMix() {
        assertThat(run("search-bench", "--accesses", "2000", "--agreements", "10", "--queries", "200", "--warm-up", "5",
                "--index-dir", dir.resolve("index").toString())).isZero();

        assertThat(printed()).contains("bypassing Kafka", "2,010 documents", "scoped", "free text", "unscoped filters",
                "p99");
    }

    @Test
    void loadComparesIngestWithTheRawRatesAndSaysWhatItCostInCpu() {
        assertThat(run("load", "--accesses", "2000", "--agreements", "5",
                "--data-dir", dir.resolve("load").toString())).isZero();

        assertThat(printed()).contains("raw PostgreSQL batched inserts", "raw Kafka producer",
                "ingest over HTTP:", "2,000 in", "ratio ingest / raw PostgreSQL", "all applied by the projections");
        Matcher cpu = Pattern.compile("CPU per access: (\\d+) µs in the store's JVM .*, (\\d+) µs in PostgreSQL")
                .matcher(printed());
        assertThat(cpu.find()).as("the CPU line").isTrue();
        assertThat(Long.parseLong(cpu.group(1))).isPositive();
        assertThat(Long.parseLong(cpu.group(2))).as("the server's processes are measured too").isPositive();
    }

    @Test
    void loadOverKafkaWaitsForTheIngestsCommitsAndFindsEveryValidAccessStored() {
        assertThat(run("load", "--via", "kafka", "--accesses", "2000", "--agreements", "5", "--invalid-every", "100",
                "--data-dir", dir.resolve("kafka").toString())).isZero();

        assertThat(printed()).contains("ingest over Kafka:", "1,980 valid in", "20 invalid records to the DLQ",
                "ratio ingest / raw PostgreSQL", "until all were durable");
    }

    @Test
    void crashBenchKillsTheStoreAndStopsItsBrokerAndFindsEveryAcknowledgedAccessOnce() {
        // The packaged jar, as CrashRestartIT runs it: a kill must be a real SIGKILL of a process of its own.
        assertThat(run("crash-bench", "--kills", "1", "--outage-seconds", "2", "--load-seconds", "2", "--agreements", "2", "--batch", "200",
                "--seed", "7", "--jar", System.getProperty("evidence.jar", "target/evidence-store.jar"),
                "--data-dir", dir.resolve("crash").toString())).isZero();

        assertThat(printed()).contains("kill 1 at", "serving again", "accepted while the broker was down",
                "applied", "result: PASSED");
        Matcher tallies = Pattern.compile("(?m)^  (event store|timeline): +([\\d,]+) of ([\\d,]+) acknowledged accesses, "
                + "0 lost, 0 duplicated, 0 never acknowledged$").matcher(printed());
        for (int part = 0; part < 4; part++) {
            assertThat(tallies.find()).as("tally %d of 4 (event store and timeline, after the kills and the outage)", part + 1)
                    .isTrue();
            assertThat(tallies.group(2)).isEqualTo(tallies.group(3)).isNotEqualTo("0");
        }
        assertThat(printed()).contains("2 bundle(s), one per agreement, every check passed");
    }

    @Test
    void bundleBenchExportsVerifiesAgainAndComparesWithRawSha256() throws Exception {
        Path store = dir.resolve("bundles");
        assertThat(run("bundle-bench", "--events", "300", "--data-dir", store.toString())).isZero();
        assertThat(printed()).contains("W5 export:", "W6 verify:", "every check passed", "ratio verify / raw SHA-256",
                "the JIT compilers were at work for");
        Path zip;
        try (var bundles = Files.list(store.resolve("bundles"))) {
            zip = bundles.filter(file -> file.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        out.reset();

        assertThat(run("bundle-bench", "--bundle", zip.toString(), "--data-dir", store.toString(),
                "--verifications", "3")).isZero();

        assertThat(printed()).contains("W6 verify:", "verify again, run 2:", "verify again, run 3:",
                "ratio of run 3, the verifier compiled:").doesNotContain("W5 export:", "FAILED");
        assertThat(Pattern.compile("every check passed").matcher(printed()).results().count()).isEqualTo(3);
    }

    @Test
    void optionsOutOfRangeAreRefusedAsUsageErrorsBeforeAnythingStarts() {
        assertThat(run("bundle-bench", "--verifications", "0")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("bundle-bench", "--bundle", dir.resolve("none.zip").toString())).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("crash-bench", "--batch", "0")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("rebuild-bench", "--accesses", "0")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("rebuild-bench", "--again")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("start-bench", "--starts", "0")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("start-bench", "--dir", dir.toString())).isEqualTo(CommandLine.ExitCode.USAGE);

        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void rebuildBenchComparesTheRebuildWithRawLucene() {
        assertThat(run("rebuild-bench", "--accesses", "2000", "--agreements", "5",
                "--data-dir", dir.resolve("store").toString())).isZero();

        assertThat(printed()).contains("raw Lucene:  2,020 documents", "rebuild:     2,020 documents",
                "ratio rebuild / raw Lucene");
        out.reset();

        assertThat(run("rebuild-bench", "--again", "--data-dir", dir.resolve("store").toString())).isZero();

        // The same events again, nothing posted: the restarted store's forwarder adds none of its own.
        assertThat(printed()).contains("raw Lucene:  2,020 documents", "rebuild:     2,020 documents")
                .doesNotContain("loaded");
    }

    @Test
    void startBenchStartsThePackagedStoreAsTheReadmeDoesAndAgain() {
        assertThat(run("start-bench", "--starts", "2", "--dir", dir.resolve("starts").toString(),
                "--jar", System.getProperty("evidence.jar", "target/evidence-store.jar"))).isZero();

        assertThat(printed()).contains("W8 start 1 (a new data dir): ready in", "W8 start 2 (again on it): ready in");
        // Both starts measured the JVM and a running PostgreSQL server with its backends.
        assertThat(Pattern.compile("JVM [1-9][\\d,]* MB, PostgreSQL [1-9][\\d,]* MB in [1-9]\\d* processes")
                .matcher(printed()).results().count()).isEqualTo(2);
        // Each store was stopped in order, its PostgreSQL with it.
        assertThat(dir.resolve("starts/data/pg/cluster/postmaster.pid")).doesNotExist();
        // The first start made the data dir, and the second found it.
        assertThat(dir.resolve("starts/logs/start-1.log")).content().contains("Formatted Kafka storage");
        assertThat(dir.resolve("starts/logs/start-2.log")).content().doesNotContain("Formatted Kafka storage");
    }

    @Test
    void freshnessBenchProbesEverySingleAccess() {
        // Five agreements: every batch of 1,000 then names them in the same order (see README, W3).
        assertThat(run("freshness-bench", "--seconds", "2", "--rate", "20", "--calibration", "2000",
                "--agreements", "5", "--data-dir", dir.resolve("store").toString())).isZero();

        assertThat(printed()).contains("W1 rate reached first", "probes: 40 single accesses", "0 failed",
                "acceptance -> searchable: p50");
    }
}
