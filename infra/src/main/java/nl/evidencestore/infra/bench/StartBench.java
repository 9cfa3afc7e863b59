package nl.evidencestore.infra.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import nl.evidencestore.infra.embedded.EmbeddedPostgres;

/**
 * quality.md W8: the packaged store started as the README starts it ({@code java -jar
 * evidence-store.jar}, no options; embedded broker and PostgreSQL), timed from the launch to the
 * first 200 of {@code /health/ready}, and what the JVM and the PostgreSQL server's processes hold
 * in memory then. The first start is on a new data dir (PostgreSQL's binaries unpacked, the
 * cluster and the broker's storage made); the later ones restart on it after an orderly stop.
 */
public final class StartBench {
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration REQUEST = Duration.ofSeconds(2);
    private static final long POLL_NANOS = 20_000_000L;

    /** One start: from the launch to ready, and the memory of the JVM and of PostgreSQL at that moment. */
    public record Start(int number, Duration untilReady, Optional<ResidentMemory> jvm, Optional<ResidentMemory> postgres) {
    }

    private StartBench() {
    }

    /** {@code starts} starts of {@code jar} on {@code dataDir}, one after the other, each stopped before the next; logs in {@code logs}. */
    public static List<Start> measure(Path jar, Path dataDir, Path logs, int starts) throws IOException {
        Files.createDirectories(logs);
        HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST).build();
        Map<String, String> environment = Map.of("EVIDENCE_DATA_DIR", dataDir.toString(),
                "EVIDENCE_HTTP_PORT", "0", "EVIDENCE_KAFKA_PORT", "0");
        List<Start> measured = new ArrayList<>();
        for (int number = 1; number <= starts; number++) {
            long launched = System.nanoTime();
            StoreProcess store = StoreProcess.start(jar, List.of(), environment, logs.resolve("start-" + number + ".log"), START);
            try {
                awaitReady(http, store, launched + START.toNanos());
                Duration untilReady = Duration.ofNanos(System.nanoTime() - launched);
                measured.add(new Start(number, untilReady, ResidentMemory.of(List.of(store.handle())),
                        ResidentMemory.of(postgresProcesses(dataDir))));
            } finally {
                store.stop();
            }
        }
        return measured;
    }

    private static void awaitReady(HttpClient http, StoreProcess store, long deadline) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(store.baseUrl() + "/health/ready")).timeout(REQUEST).build();
        while (System.nanoTime() < deadline) {
            if (!store.handle().isAlive()) {
                throw new IllegalStateException("the store exited before it was ready");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet, or the answer was cut off: asked again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the store", e);
            }
            // Polling another process's readiness: there is nothing to wait on.
            LockSupport.parkNanos(POLL_NANOS);
        }
        throw new IllegalStateException("the store was not ready within " + START.toSeconds() + " s");
    }

    /**
     * The embedded server's main process (its pid file's first line) and its backends. Read, not
     * managed: the store under test owns the server, which must be running once the store is ready.
     */
    private static List<ProcessHandle> postgresProcesses(Path dataDir) throws IOException {
        // The store keeps its embedded PostgreSQL in <data dir>/pg (EvidenceStore).
        Path pidFile = EmbeddedPostgres.pidFile(dataDir.resolve("pg"));
        try {
            String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
            return ProcessHandle.of(Long.parseLong(first))
                    .map(server -> Stream.concat(Stream.of(server), server.descendants()).toList())
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server runs as " + pidFile + " says"));
        } catch (NoSuchFileException | NumberFormatException e) {
            throw new IllegalStateException("no PostgreSQL server found on " + pidFile + " once the store was ready", e);
        }
    }
}
