package nl.evidencestore.infra.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import nl.evidencestore.infra.EvidenceStore;
import nl.evidencestore.infra.bench.AccessLoad;
import nl.evidencestore.infra.bench.FreshnessBench;
import nl.evidencestore.shared.http.TokensFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * quality.md W3: starts a store, measures the W1 rate it reaches (unless given one), then runs
 * a W1-shaped load at half of it while single accesses are posted and probed on the timeline.
 */
@Command(name = "freshness-bench", mixinStandardHelpOptions = true,
        description = "Benchmark W3: acceptance to searchable for single accesses while a W1-shaped load runs.")
final class FreshnessBenchCommand implements Callable<Integer> {
    private static final int BATCH = 1000;
    private static final int CONNECTIONS = 4;

    @Option(names = "--seconds", defaultValue = "30", description = "how long to probe (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5",
            description = "seconds of probes first that the figures leave out (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--rate", defaultValue = "200", description = "single accesses per second (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--background-rate", defaultValue = "0",
            description = "accesses/s of the background load (default: half the W1 rate measured first)")
    double backgroundRate;

    @Option(names = "--calibration", defaultValue = "50000",
            description = "accesses posted unpaced first to measure the W1 rate (default ${DEFAULT-VALUE})")
    int calibration;

    @Option(names = "--agreements", defaultValue = "50", description = "agreements (default ${DEFAULT-VALUE})")
    int agreements;

    @Option(names = "--data-dir", description = "where the store keeps its data (default: a new temporary directory)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || warmup < 0 || rate < 1 || backgroundRate < 0 || calibration < BATCH || agreements < 1) {
            System.err.println("freshness-bench: --seconds, --rate and --agreements must be positive, --warmup not "
                    + "negative, --calibration at least " + BATCH);
            return 2;
        }
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("evidence-freshness-bench");
        String token = TokensFile.newToken();
        try (EvidenceStore store = BenchStore.start(dir, token)) {
            AccessLoad load = new AccessLoad("http://127.0.0.1:" + store.httpPort(), token);
            List<String> ids = load.agreements(agreements);
            double background = backgroundRate > 0 ? backgroundRate : halfTheW1Rate(load, ids);
            System.out.printf("background: W1-shaped batches of %,d on %d connections at %,.0f accesses/s%n", BATCH,
                    CONNECTIONS, background);
            CompletableFuture<AccessLoad.Result> loading = CompletableFuture.supplyAsync(() -> {
                try {
                    return load.postPaced(ids, calibration, background, BATCH, CONNECTIONS,
                            Duration.ofSeconds(warmup + seconds + 2L));
                } catch (Exception e) {
                    throw new IllegalStateException("the background load failed", e);
                }
            });
            FreshnessBench.Run run = new FreshnessBench(load, ids.get(0))
                    .probe(rate, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
            AccessLoad.Result loaded = loading.join();
            FreshnessBench.Freshness freshness = run.measured();
            System.out.printf("background reached %,.0f accesses/s (%,d accepted)%n", loaded.rate(), loaded.accepted());
            System.out.printf("probes: %,d single accesses at %d/s after %d s of warm-up, each asked for on GET "
                    + "/api/v1/timeline (q=its own token, minPosition=its position); %,d failed%n",
                    freshness.nanos().size(), rate, warmup, freshness.failed());
            System.out.printf("acceptance -> searchable: p50 %.0f ms, p99 %.0f ms, max %.0f ms (target p99 < 1 s)%n",
                    freshness.percentileMillis(50), freshness.percentileMillis(99), freshness.percentileMillis(100));
            if (!run.warmup().nanos().isEmpty()) {
                System.out.printf("the warm-up's %,d probes, for comparison: p50 %.0f ms, p99 %.0f ms, max %.0f ms "
                        + "(%,d failed)%n", run.warmup().nanos().size(), run.warmup().percentileMillis(50),
                        run.warmup().percentileMillis(99), run.warmup().percentileMillis(100), run.warmup().failed());
            }
        }
        return 0;
    }

    private double halfTheW1Rate(AccessLoad load, List<String> ids) throws Exception {
        AccessLoad.Result w1 = load.post(ids, calibration, BATCH, CONNECTIONS);
        load.untilApplied(w1.probeAgreement(), w1.lastPosition());
        System.out.printf("W1 rate reached first: %,.0f accesses/s (%,d unpaced)%n", w1.rate(), w1.accepted());
        return w1.rate() / 2;
    }
}
