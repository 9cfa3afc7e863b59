package nl.evidencestore.infra.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged store ({@code java -jar evidence-store.jar serve}) in a JVM of its own, so that a
 * benchmark can kill it the way a crash does: SIGKILL, no shutdown hook, nothing flushed on the
 * way out. Its embedded PostgreSQL outlives such a kill; the next start on the same data dir
 * deals with it, as it would after a real crash.
 */
public final class StoreProcess {
    private static final Pattern SERVING = Pattern.compile("serving HTTPS? on [^:]+:(\\d+)");
    private static final long POLL_NANOS = 100_000_000L;
    private static final long STOP_PATIENCE_SECONDS = 120;

    private final Process process;
    private final Path log;
    private final int port;

    private StoreProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code jar} with {@code environment} (the store's settings) and returns once it serves
     * HTTP; its output goes to {@code log}.
     */
    public static StoreProcess start(Path jar, Map<String, String> environment, Path log, Duration timeout) {
        return start(jar, List.of("-Xmx1g"), environment, log, timeout);
    }

    /** The same, with {@code jvmOptions} before {@code -jar}; none is {@code java -jar evidence-store.jar serve} as the README runs it. */
    public static StoreProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log,
                                     Duration timeout) {
        try {
            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString(), "serve"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // Only the settings given: an EVIDENCE_* variable of the caller's shell must not change the store under test.
            builder.environment().keySet().removeIf(name -> name.startsWith("EVIDENCE_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            try {
                return new StoreProcess(process, log, servingPort(process, log, System.nanoTime() + timeout.toNanos()));
            } catch (IOException | RuntimeException e) {
                // Not left running: its embedded PostgreSQL stops only with its shutdown hook, which SIGKILL skips.
                stop(process);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the store from " + jar, e);
        }
    }

    /** The jar this code runs from: a benchmark starts the store it is part of. */
    public static Path runningJar() {
        try {
            Path location = Path.of(StoreProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
                throw new IllegalStateException("not running from the packaged jar (" + location + "): pass --jar");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the running jar", e);
        }
    }

    public int port() {
        return port;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /**
     * SIGTERM: the store shuts down in order (its shutdown hook runs), and this waits for it; a
     * store still running after {@value #STOP_PATIENCE_SECONDS} s is killed.
     */
    public void stop() {
        stop(process);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the store stopped", e);
        }
    }

    private void awaitExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the store stopped", e);
        }
    }

    /** The port the store logged once it served HTTP (EVIDENCE_HTTP_PORT may be 0). */
    private static int servingPort(Process process, Path log, long deadline) throws IOException {
        while (System.nanoTime() < deadline) {
            // Bytes as they are: a line that is not UTF-8 must not stop the search for the port.
            String output = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
            Matcher matcher = SERVING.matcher(output);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the store exited with " + process.exitValue() + "; its log: " + log);
            }
            // Polling a log file that another process writes: there is nothing to wait on.
            LockSupport.parkNanos(POLL_NANOS);
        }
        throw new IllegalStateException("the store did not serve HTTP in time; its log: " + log);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
