package nl.evidencestore.infra.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import nl.evidencestore.infra.EvidenceStore;
import nl.evidencestore.infra.Settings;
import nl.evidencestore.infra.bench.AccessLoad;
import nl.evidencestore.infra.bench.CpuMeter;
import nl.evidencestore.infra.bench.KafkaAccessLoad;
import nl.evidencestore.shared.kafka.Topics;
import nl.evidencestore.infra.bench.RawKafka;
import nl.evidencestore.infra.bench.RawPostgres;
import nl.evidencestore.infra.embedded.EmbeddedPostgres;
import nl.evidencestore.shared.http.TokensFile;
import nl.evidencestore.shared.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * quality.md W1: starts a store (embedded broker and PostgreSQL, a fresh data dir), measures
 * the raw PostgreSQL and Kafka rates on them, then posts the accesses over HTTP and prints
 * the rates and their ratio.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Benchmark W1: ingest accesses over HTTP beside the raw PostgreSQL and Kafka rates.")
final class Load implements Callable<Integer> {
    @Option(names = "--accesses", defaultValue = "1000000", description = "accesses to post (default ${DEFAULT-VALUE})")
    int accesses;

    @Option(names = "--agreements", defaultValue = "50", description = "effective agreements (default ${DEFAULT-VALUE})")
    int agreements;

    @Option(names = "--batch", defaultValue = "1000", description = "accesses per request (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--connections", defaultValue = "4", description = "concurrent HTTP connections (default ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--via", defaultValue = "http",
            description = "http (W1) or kafka (W2: one access per record on the commands topic) (default ${DEFAULT-VALUE})")
    String via;

    @Option(names = "--invalid-every", defaultValue = "100",
            description = "with --via kafka: every n-th record is invalid and must go to the DLQ (default ${DEFAULT-VALUE})")
    int invalidEvery;

    @Option(names = "--data-dir", description = "where the store keeps its data (default: a new temporary directory)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("evidence-load");
        String token = TokensFile.newToken();
        try (EvidenceStore store = BenchStore.start(dir, token)) {
            byte[] payload = samplePayload();
            EmbeddedPostgres postgres = store.embeddedPostgres()
                    .orElseThrow(() -> new IllegalStateException("the raw baseline needs the embedded PostgreSQL"));
            postgres.createDatabaseIfAbsent("load_baseline");
            DataSource scratch = postgres.dataSource("load_baseline");
            double rawPostgres = RawPostgres.insertRate(scratch, accesses, batch, payload);
            System.out.printf("raw PostgreSQL batched inserts: %,.0f rows/s (%,d rows, %,d per transaction)%n",
                    rawPostgres, accesses, batch);
            double rawKafka = RawKafka.produceRate(store.kafkaBootstrap(), accesses, payload);
            System.out.printf("raw Kafka producer:             %,.0f records/s (acks=all, idempotent)%n", rawKafka);

            AccessLoad load = new AccessLoad("http://127.0.0.1:" + store.httpPort(), token);
            List<String> ids = load.agreements(agreements);
            if ("kafka".equals(via)) {
                CpuMeter cpu = CpuMeter.start(postgres.serverProcess());
                KafkaAccessLoad.Result result = KafkaAccessLoad.run(load, ids, accesses, invalidEvery,
                        store.kafkaBootstrap(), Topics.COMMANDS, Topics.COMMAND_INGEST_GROUP,
                        postgres.dataSource("evidence"));
                System.out.printf("ingest over Kafka:              %,.0f accesses/s durable (%,d valid in %.1f s, "
                        + "one per record, %,d invalid records to the DLQ)%n", result.rate(), result.durable(),
                        result.elapsed().toMillis() / 1000.0, result.invalid());
                System.out.printf("ratio ingest / raw PostgreSQL:  %.2f (target >= 0.50)%n", result.rate() / rawPostgres);
                System.out.println(cpu.stop().perItem(result.durable(), "access") + ", until all were durable");
                return 0;
            }
            CpuMeter cpu = CpuMeter.start(postgres.serverProcess());
            AccessLoad.Result result = load.post(ids, accesses, batch, connections);
            Duration searchable = load.untilApplied(result.probeAgreement(), result.lastPosition());
            CpuMeter.Usage used = cpu.stop();
            System.out.printf("ingest over HTTP:               %,.0f accesses/s accepted and durable (%,d in %.1f s, "
                    + "batches of %,d, %d connections)%n", result.rate(), result.accepted(),
                    result.elapsed().toMillis() / 1000.0, batch, connections);
            System.out.printf("ratio ingest / raw PostgreSQL:  %.2f (target >= 0.50)%n", result.rate() / rawPostgres);
            System.out.printf("all applied by the projections %.1f s after the last acceptance (target < 10 s)%n",
                    searchable.toMillis() / 1000.0);
            System.out.println(used.perItem(result.accepted(), "access") + ", until all were applied");
        }
        return 0;
    }

    /** An AccessRecorded payload as the store writes it, ≈ the size of the real rows. */
    private static byte[] samplePayload() {
        return ("{\"agreementId\":\"load-agr-1\",\"accessId\":\"run-acc-123456\",\"actor\":{\"id\":\"support-robot-3\","
                + "\"kind\":\"SYSTEM\"},\"purpose\":\"REMOTE_SUPPORT\",\"instructionRef\":\"ZD-101234\",\"categories\":"
                + "[\"SURNAME\",\"DATE_OF_BIRTH\",\"DENTAL_PHOTOS\"],\"subjectRef\":\"subject-regular-1234\",\"country\":\"NL\","
                + "\"system\":\"visiquick-remote-support-console\",\"occurredAt\":\"2026-03-01T08:00:00Z\",\"verdict\":"
                + "{\"verdict\":\"COMPLIANT\",\"violations\":[]},\"instructionVerified\":false,\"recordedLate\":true,"
                + "\"referenceData\":\"eea-adequacy-2025-06\"}").getBytes(StandardCharsets.UTF_8);
    }
}
