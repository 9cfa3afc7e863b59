package nl.evidencestore.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.evidencestore.infra.bench.StoreProcess;

/**
 * The packaged store ({@code java -jar evidence-store.jar}) in a JVM of its own, embedded
 * broker and PostgreSQL included, with the test principals, so that a test can kill it the way
 * a crash does.
 */
public final class ChildStore {
    private final StoreProcess process;

    private ChildStore(StoreProcess process) {
        this.process = process;
    }

    /** Starts the jar on that data dir and returns once it serves HTTP. */
    public static ChildStore start(Path dataDir, Duration timeout) {
        Path jar = Path.of(System.getProperty("evidence.jar", "target/evidence-store.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged store at " + jar + ": run through `mvn verify`");
        }
        try {
            Path log = Files.createTempFile(dataDir.getParent(), "child-store", ".log");
            return new ChildStore(StoreProcess.start(jar, Map.of(
                    "EVIDENCE_DATA_DIR", dataDir.toString(),
                    "EVIDENCE_HTTP_PORT", "0",
                    "EVIDENCE_KAFKA_PORT", "0",
                    "EVIDENCE_TOKENS_FILE", Principals.writeTokensFile(dataDir.getParent().resolve("tokens.json")).toString()),
                    log, timeout));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return process.port();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed on the way out. */
    public void kill() {
        process.kill();
    }
}
