package nl.evidencestore.infra.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged store ({@code java -jar evidence-store.jar}) in a JVM of its own, embedded
 * broker and PostgreSQL included, so that a test can kill it the way a crash does.
 */
public final class ChildStore {
    private static final Pattern SERVING = Pattern.compile("serving HTTP on [^:]+:(\\d+)");

    private final Process process;
    private final Path log;
    private final int port;

    private ChildStore(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar on that data dir and returns once it serves HTTP. */
    public static ChildStore start(Path dataDir, Duration timeout) {
        Path jar = Path.of(System.getProperty("evidence.jar", "target/evidence-store.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged store at " + jar + ": run through `mvn verify`");
        }
        try {
            Path log = Files.createTempFile(dataDir.getParent(), "child-store", ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx512m", "-jar", jar.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("EVIDENCE_DATA_DIR", dataDir.toString());
            builder.environment().put("EVIDENCE_HTTP_PORT", "0");
            builder.environment().put("EVIDENCE_KAFKA_PORT", "0");
            builder.environment().put("EVIDENCE_TOKENS_FILE",
                    Principals.writeTokensFile(dataDir.getParent().resolve("tokens.json")).toString());
            Process process = builder.start();
            int port = await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> servingPort(log, process), found -> found != 0);
            return new ChildStore(process, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed on the way out. */
    public void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int servingPort(Path log, Process process) throws IOException {
        String output = Files.readString(log);
        if (!process.isAlive()) {
            throw new IllegalStateException("the store exited with " + process.exitValue() + ":\n" + output);
        }
        Matcher matcher = SERVING.matcher(output);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
