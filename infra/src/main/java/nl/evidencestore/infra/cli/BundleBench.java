package nl.evidencestore.infra.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipFile;
import nl.evidencestore.infra.EvidenceStore;
import nl.evidencestore.infra.bench.AccessLoad;
import nl.evidencestore.infra.bench.CpuMeter;
import nl.evidencestore.shared.evidence.verify.BundleVerifier;
import nl.evidencestore.shared.evidence.verify.Verification;
import nl.evidencestore.shared.http.TokensFile;
import nl.evidencestore.shared.integrity.SigningKey;
import nl.evidencestore.shared.integrity.VerificationKey;
import nl.evidencestore.shared.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * quality.md W5 and W6: one agreement with N accesses, its bundle exported over HTTP and then
 * verified offline, beside the JDK's raw SHA-256 rate over the same event lines, in one run.
 * Run it under {@code -Xmx256m} to hold the export to its memory bound: the whole store shares it.
 */
@Command(name = "bundle-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks W5 and W6: export and verify a bundle of one agreement with N events.")
final class BundleBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", defaultValue = "1000000", description = "accesses of the agreement (default ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--data-dir", description = "where the store keeps its data (default: a new temporary directory)")
    Path dataDir;

    @Option(names = "--bundle", description = "W6 only: verify this bundle, made by an earlier run whose --data-dir holds"
            + " the key, instead of loading and exporting")
    Path bundle;

    @Option(names = "--again", description = "W5 and W6 without loading: export the one agreement an earlier run"
            + " loaded into --data-dir again")
    boolean again;

    @Option(names = "--exports", defaultValue = "1", description = "exports one after the other, each measured, the last"
            + " verified (default ${DEFAULT-VALUE}); later ones run with the export's code compiled")
    int exports;

    @Option(names = "--verifications", defaultValue = "1", description = "verifications of the bundle one after the other in"
            + " this JVM, each measured (default ${DEFAULT-VALUE}); the first is W6, as a fresh `verify` runs; later ones"
            + " run with the verifier compiled")
    int verifications;

    /** An exported bundle: its ZIP and how many lines its events.jsonl has. */
    private record Exported(Path zip, long lines) {
    }

    @Override
    public Integer call() throws Exception {
        if (verifications < 1) {
            // Said before a million accesses are loaded, not after.
            throw new ParameterException(spec.commandLine(), "--verifications must be at least 1");
        }
        if (bundle != null) {
            if (dataDir == null) {
                throw new ParameterException(spec.commandLine(),
                        "--bundle needs the --data-dir of the run that made it, for its key");
            }
            return verify(bundle, dataDir, -1, verifications);
        }
        if (again && dataDir == null) {
            throw new ParameterException(spec.commandLine(),
                    "--again needs the --data-dir of the run that loaded the agreement");
        }
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("evidence-bundle-bench");
        String token = TokensFile.newToken();
        try (EvidenceStore store = BenchStore.start(dir, token)) {
            AccessLoad load = new AccessLoad("http://127.0.0.1:" + store.httpPort(), token);
            List<String> agreement = again ? loadedAgreement(load) : load(load);
            Exported last = null;
            for (int i = 0; i < exports; i++) {
                last = export(load, agreement.get(0), dir);
            }
            return verify(last.zip(), dir, last.lines(), verifications);
        }
    }

    /** W5: one export over HTTP, timed from the request to the stored ZIP. */
    private static Exported export(AccessLoad load, String agreement, Path dir) throws IOException, InterruptedException {
        resetHeapPeaks();
        CpuMeter cpu = CpuMeter.start(Optional.empty());
        long started = System.nanoTime();
        String answer;
        long heapInUse;
        try (HeapSampler sampler = new HeapSampler()) {
            answer = load.post("/api/v1/evidence-bundles", new String(Json.write(Map.of(
                    "agreementId", agreement, "from", "2000-01-01T00:00:00Z", "to", Instant.now().toString())),
                    StandardCharsets.UTF_8));
            heapInUse = sampler.peak();
        }
        double exportSeconds = (System.nanoTime() - started) / 1e9;
        CpuMeter.Usage used = cpu.stop();
        double exportCpuSeconds = used.jvm().toNanos() / 1e9;
        long heapPeak = heapPeak();
        String bundleId = Json.mapper().readTree(answer).get("bundleId").asText();
        long lines = Json.mapper().readTree(answer).get("events").asLong();
        Path zip = dir.resolve("bundles").resolve(bundleId + ".zip");
        System.out.printf("W5 export:  %,.0f events/s (%,d lines, %.1f s incl. the covering checkpoint; %,d MB zip);"
                + " heap in use at most %,d MB (sampled every 5 ms; the pools' peaks summed: %,d MB) of max %,d MB"
                + " (target >= 100,000/s within 256 MB)%n", lines / exportSeconds, lines, exportSeconds,
                Files.size(zip) >> 20, heapInUse >> 20, heapPeak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        // On a shared machine the wall time says as much about the neighbours as about the export.
        System.out.printf("W5 export:  the store's process used %.1f s of CPU meanwhile (%.1f us per line, %d cores;"
                + " PostgreSQL's own CPU not counted); load average %.1f%n", exportCpuSeconds, exportCpuSeconds * 1e6 / lines,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        printCompiling("W5 export: ", used);
        return new Exported(zip, lines);
    }

    /** Loads the accesses into a new agreement and waits until the projections and the signed log have them all. */
    private List<String> load(AccessLoad load) throws Exception {
        List<String> agreement = load.agreements(1);
        AccessLoad.Result loaded = load.post(agreement, events, 1000, 2);
        System.out.printf("loaded %,d accesses into one agreement in %.1f s%n", loaded.accepted(),
                loaded.elapsed().toMillis() / 1000.0);

        // The projections index what was loaded: measured beside them, the export would share the cores.
        load.untilApplied(agreement.get(0), loaded.lastPosition());
        long logging = System.nanoTime();
        while (Json.mapper().readTree(load.get("/api/v1/checkpoints/latest")).get("treeSize").asLong() < events) {
            Thread.onSpinWait();
        }
        System.out.printf("the signed log covered them %.1f s after the last acceptance%n",
                (System.nanoTime() - logging) / 1e9);
        return agreement;
    }

    /** The agreement an earlier run loaded: the data dir's only one. */
    private static List<String> loadedAgreement(AccessLoad load) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        Json.mapper().readTree(load.get("/api/v1/agreements")).get("items")
                .forEach(item -> ids.add(item.get("agreementId").asText()));
        if (ids.size() != 1) {
            throw new IllegalStateException("--again needs a data dir with one agreement; it has " + ids);
        }
        System.out.printf("exporting %s again, loaded by an earlier run%n", ids.get(0));
        return ids;
    }

    /**
     * W6: the offline verifier on {@code zip} with the store's key, {@code times} times in this JVM,
     * then the raw SHA-256 rate over its lines. The first run is W6; the later ones show what the
     * same checks cost once the compilers are done with them.
     */
    private static int verify(Path zip, Path dir, long exportedLines, int times) throws IOException, NoSuchAlgorithmException {
        VerificationKey key = SigningKey.fromPem(Files.readString(dir.resolve("signing-key.pem"),
                StandardCharsets.US_ASCII)).verificationKey();
        List<VerifyRun> runs = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            runs.add(VerifyRun.of(zip, key));
        }
        long[] lines = {0};
        double raw = rawSha256LinesPerSecond(zip, lines);
        if (exportedLines >= 0 && exportedLines != lines[0]) {
            System.out.printf("the export said %,d lines, events.jsonl has %,d%n", exportedLines, lines[0]);
        }
        for (int i = 0; i < runs.size(); i++) {
            runs.get(i).print(i == 0 ? "W6 verify: " : "verify again, run " + (i + 1) + ":", lines[0]);
        }
        System.out.printf("raw SHA-256 over the same event lines: %,.0f lines/s on one core%n", raw);
        System.out.printf("ratio verify / raw SHA-256: %.2f (target >= 0.25)%n", lines[0] / runs.get(0).seconds() / raw);
        if (runs.size() > 1) {
            VerifyRun last = runs.get(runs.size() - 1);
            System.out.printf("ratio of run %d, the verifier compiled: %.2f (for information)%n", runs.size(),
                    lines[0] / last.seconds() / raw);
        }
        return runs.stream().anyMatch(run -> run.verified().failed()) ? 1 : 0;
    }

    /** One verification: its result, wall time and the process's CPU meanwhile. */
    private record VerifyRun(Verification verified, double seconds, CpuMeter.Usage used) {
        static VerifyRun of(Path zip, VerificationKey key) {
            long started = System.nanoTime();
            CpuMeter cpu = CpuMeter.start(Optional.empty());
            Verification verified = BundleVerifier.verify(zip, Optional.of(key), Optional.empty());
            VerifyRun run = new VerifyRun(verified, (System.nanoTime() - started) / 1e9, cpu.stop());
            if (verified.failed()) {
                System.out.print(verified.print());
            }
            return run;
        }

        void print(String label, long lines) {
            System.out.printf("%s %,.0f events/s (%.1f s, %s)%n", label, lines / seconds, seconds,
                    verified.failed() ? "FAILED" : "every check passed");
            // For information: on a shared machine the wall time says as much about the neighbours.
            double cpuSeconds = used.jvm().toNanos() / 1e9;
            System.out.printf("  used %.1f s of CPU (%.2f cores on average; the JVM's compiler and collector included)%n",
                    cpuSeconds, cpuSeconds / seconds);
            printCompiling(" ", used);
        }
    }

    /** Hashing time only: the lines are read from the ZIP outside the measured time. */
    private static double rawSha256LinesPerSecond(Path zip, long[] counted) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long hashingNanos = 0;
        long lines = 0;
        try (ZipFile file = new ZipFile(zip.toFile());
             InputStream events = file.getInputStream(file.getEntry("events.jsonl"));
             BufferedReader reader = new BufferedReader(new InputStreamReader(events, StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                long started = System.nanoTime();
                sha256.digest(bytes);
                hashingNanos += System.nanoTime() - started;
                lines++;
            }
        }
        counted[0] = lines;
        return lines / (hashingNanos / 1e9);
    }

    /**
     * The heap in use, sampled while the export runs. The pools' peaks summed overstate it: eden
     * peaks just before a collection, the old generation at another moment.
     */
    private static final class HeapSampler implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });

        HeapSampler() {
            timer.scheduleAtFixedRate(() -> peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 5, TimeUnit.MILLISECONDS);
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /** For information: a fresh JVM compiles the code it runs while it runs it, on the same cores. */
    private static void printCompiling(String label, CpuMeter.Usage used) {
        System.out.printf("%s the JIT compilers were at work for %.1f s meanwhile (summed over their threads)%n", label,
                used.compiling().toMillis() / 1e3);
    }

    private static void resetHeapPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }
}
