package nl.evidencestore.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server that a data directory's {@code postmaster.pid} names, and how to stop it.
 *
 * <p>It stops the server with signals rather than {@code pg_ctl}: that needs nothing but the pid file,
 * so it also works for a server that a killed JVM left behind, whatever binaries started it.
 * Callers must hold the directory's {@link OwnerLock}, so that no live owner is using the server.
 */
final class Postmaster {
    private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final Duration AFTER_ESCALATION = Duration.ofSeconds(15);
    /** Without procfs (macOS), {@link ProcessHandle#isAlive()} is all there is. */
    private static final boolean PROCFS = Files.isReadable(Path.of("/proc/self/stat"));

    private final ProcessHandle process;
    private final Path pgData;

    private Postmaster(ProcessHandle process, Path pgData) {
        this.process = process;
        this.pgData = pgData;
    }

    /**
     * The live server on {@code pgData}, if any.
     *
     * <p>A pid file that cannot be read as one, or that names a zombie or a live process other than
     * a PostgreSQL server on this directory (a pid reused after a reboot or in a new container), is
     * removed: PostgreSQL would refuse to start on it, and no server can be using the directory then.
     * A pid file naming a process that is gone is left alone: PostgreSQL replaces it itself, after
     * checking that no backend of the dead server still uses its shared memory.
     */
    static Optional<Postmaster> running(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            Optional<Long> pid = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0));
            if (pid.isEmpty()) {
                LOG.warn("{} does not name a process; removed as the remnant of an interrupted start", pidFile);
                Files.deleteIfExists(pidFile);
                return Optional.empty();
            }
            Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                return Optional.empty();
            }
            // PostgreSQL takes a zombie for a live server too (kill(pid, 0) succeeds) and would refuse.
            boolean zombie = !isRunning(process.get());
            if (zombie || !servesDirectory(process.get(), pgData, lines)) {
                LOG.warn("{} names pid {}, which is {}; removed as stale", pidFile, pid.get(),
                        zombie ? "a process that has exited" : "not a PostgreSQL server for this directory");
                Files.deleteIfExists(pidFile);
                return Optional.empty();
            }
            return Optional.of(new Postmaster(process.get(), pgData));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pidFile, e);
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * Fast shutdown first (SIGINT, what {@code pg_ctl stop -m fast} sends: roll back open
     * transactions, checkpoint, exit). Should that take longer than {@code patience}, an immediate
     * shutdown (SIGQUIT; the next start replays the WAL, which is safe with fsync on), and as a last
     * resort SIGKILL.
     */
    void stop(Duration patience) {
        List<ProcessHandle> children = process.descendants().toList();
        LOG.info("Stopping PostgreSQL server (pid {}) on {}", pid(), pgData);
        if (signal("INT") && awaitGone(patience, children)) {
            return;
        }
        LOG.warn("PostgreSQL (pid {}) did not finish a fast shutdown within {}; sending an immediate shutdown",
                pid(), patience);
        if (signal("QUIT") && awaitGone(AFTER_ESCALATION, children)) {
            return;
        }
        LOG.error("PostgreSQL (pid {}) ignores shutdown requests; killing it and its {} children", pid(),
                children.size());
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        if (!awaitGone(AFTER_ESCALATION, children)) {
            throw new IllegalStateException("PostgreSQL (pid " + pid() + ") on " + pgData + " survived SIGKILL");
        }
    }

    private boolean signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor() == 0 || !isRunning(process);
        } catch (IOException e) {
            // No kill(1) here. SIGTERM (smart shutdown) is the one polite signal Java can send itself.
            LOG.warn("Cannot run kill -{}: {}; sending SIGTERM instead", name, e.getMessage());
            return process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL (pid " + pid() + ")", e);
        }
    }

    private boolean awaitGone(Duration timeout, List<ProcessHandle> children) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(process) || children.stream().anyMatch(Postmaster::isRunning)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while stopping PostgreSQL (pid " + pid() + ")");
            }
        }
        return true;
    }

    private static Optional<Long> parsePid(String line) {
        try {
            long pid = Long.parseLong(line.trim());
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean servesDirectory(ProcessHandle process, Path pgData, List<String> pidFileLines) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        // "postgres", or "postgres (deleted)" when its binaries were replaced under it.
        if (command.isPresent() && !Path.of(command.get()).getFileName().toString().startsWith("postgres")) {
            return false;
        }
        Optional<String[]> arguments = info.arguments();
        if (arguments.isPresent()) {
            return List.of(arguments.get()).contains(pgData.toString());
        }
        // Without the process's own arguments, rely on what PostgreSQL wrote: line 2 is its data directory.
        return pidFileLines.size() > 1 && Path.of(pidFileLines.get(1).trim()).equals(pgData);
    }

    /** Alive and not a zombie: an orphaned server's parent may never reap it. */
    private static boolean isRunning(ProcessHandle process) {
        boolean alive = process.isAlive();
        if (!alive || !PROCFS) {
            return alive;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int afterName = stat.lastIndexOf(')');
            char state = afterName >= 0 && afterName + 2 < stat.length() ? stat.charAt(afterName + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }
}
