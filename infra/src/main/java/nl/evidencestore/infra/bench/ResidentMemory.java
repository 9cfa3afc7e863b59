package nl.evidencestore.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What processes hold in memory, from Linux's {@code /proc}: the resident set (RSS) as {@code ps}
 * shows it, and the proportional set (PSS), which splits each shared page among the processes
 * that map it. PostgreSQL's backends all map the server's shared buffers, so a sum of their RSS
 * counts those pages once per backend; PSS counts them once.
 */
public record ResidentMemory(long rssBytes, long pssBytes, int processes) {
    private static final ResidentMemory NONE = new ResidentMemory(0, 0, 0);

    /**
     * The processes' memory summed; empty where {@code /proc} cannot tell (another OS, a Linux
     * before 4.14 without {@code smaps_rollup}, or a process this user may not read).
     */
    public static Optional<ResidentMemory> of(List<ProcessHandle> processes) {
        if (!Files.isReadable(Path.of("/proc/self/smaps_rollup"))) {
            return Optional.empty();
        }
        ResidentMemory sum = NONE;
        try {
            for (ProcessHandle process : processes) {
                sum = sum.plus(one(process.pid()));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(sum);
    }

    public long rssMegabytes() {
        return rssBytes >> 20;
    }

    public long pssMegabytes() {
        return pssBytes >> 20;
    }

    private ResidentMemory plus(ResidentMemory other) {
        return new ResidentMemory(rssBytes + other.rssBytes, pssBytes + other.pssBytes, processes + other.processes);
    }

    /** One process; nothing for one that exited meanwhile (a backend may). */
    private static ResidentMemory one(long pid) throws IOException {
        try {
            long rss = kilobytes(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
            long pss = kilobytes(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
            return new ResidentMemory(rss << 10, pss << 10, 1);
        } catch (NoSuchFileException e) {
            return NONE;
        }
    }

    /** The value of a {@code Name:   1234 kB} line; 0 when the file has none. */
    private static long kilobytes(Path file, String name) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
            }
        }
        return 0;
    }
}
