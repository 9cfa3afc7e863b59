package nl.evidencestore.infra.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import nl.evidencestore.infra.embedded.EmbeddedKafka;
import nl.evidencestore.infra.embedded.FreePorts;

/**
 * quality.md, Reliability: the crash test (kill -9 of the store at random moments under a W1-shaped
 * load, a restart after each) and the broker outage (the broker stopped under load, then started
 * again). After each, what the store holds is held to what it acknowledged: none lost, none twice,
 * every bundle verifying. The store runs as the packaged jar in a process of its own, so that a kill
 * is a real SIGKILL; for the outage, the broker runs in this process, as the store's external cluster.
 */
public final class CrashBench {
    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration GIVE_UP = Duration.ofSeconds(300);
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();
    private final Path jar;
    private final Path dir;
    private final Path tokensFile;
    private final String token;
    private final Options options;
    private final PrintStream out;

    /**
     * The knobs of a run. {@code loadRun}: how long the load runs before a fault (a kill comes at a
     * random moment from a third of it to all of it after the store serves) and after the last one.
     */
    public record Options(int kills, Duration outage, Duration loadRun, int agreements, int batch, int connections,
                          long seed) {
    }

    public CrashBench(Path jar, Path dir, Path tokensFile, String token, Options options, PrintStream out) {
        this.jar = jar;
        this.dir = dir;
        this.tokensFile = tokensFile;
        this.token = token;
        this.options = options;
        this.out = out;
    }

    /** Both parts; true when nothing acknowledged was lost or doubled and every bundle verified. */
    public boolean run() throws Exception {
        boolean crashes = options.kills() <= 0 || crashes();
        boolean outage = options.outage().isZero() || outage();
        out.printf("result: %s%n", crashes && outage ? "PASSED" : "FAILED");
        return crashes && outage;
    }

    /** kill -9 at random moments under load, a restart after each. */
    private boolean crashes() throws Exception {
        Path phase = dir.resolve("crashes");
        Map<String, String> environment = environment(phase, Map.of("EVIDENCE_KAFKA_PORT", "0"));
        Random random = new Random(options.seed());
        out.printf("crash test: %d kills of the store (SIGKILL) at random moments under load (seed %d)%n",
                options.kills(), options.seed());
        StoreProcess store = start(environment, phase, 0);
        try {
            Loaded loaded = load(store);
            long loadStarted = System.nanoTime();
            ResilientLoad load = loaded.load();
            for (int kill = 1; kill <= options.kills(); kill++) {
                // Under load: the store takes requests again before the moment of the next kill is drawn.
                flowing(load);
                long run = options.loadRun().toMillis();
                pause(Duration.ofMillis(run / 3 + (long) (random.nextDouble() * (run - run / 3))));
                long acknowledged = load.acknowledged();
                double at = (System.nanoTime() - loadStarted) / 1e9;
                store.kill();
                long restarting = System.nanoTime();
                store = start(environment, phase, kill);
                out.printf("  kill %d at %.1f s into the load (%,d accesses acknowledged so far); serving again %.1f s later%n",
                        kill, at, acknowledged, (System.nanoTime() - restarting) / 1e9);
            }
            pause(options.loadRun());
            ResilientLoad.Outcome outcome = load.stop();
            long stopped = System.nanoTime();
            applied(loaded, outcome.highestPosition());
            out.printf("  everything acknowledged was applied %.1f s after the load stopped%n",
                    (System.nanoTime() - stopped) / 1e9);
            return reconcile(loaded, outcome, phase);
        } finally {
            store.stop();
        }
    }

    /** The broker stopped under load for the outage, then started again on the same port and logs. */
    private boolean outage() throws Exception {
        Path phase = dir.resolve("outage");
        int brokerPort = FreePorts.pick(1)[0];
        EmbeddedKafka broker = EmbeddedKafka.start(phase.resolve("broker"), brokerPort);
        Map<String, String> environment = environment(phase, Map.of("EVIDENCE_KAFKA_BOOTSTRAP",
                broker.bootstrapServers()));
        out.printf("broker outage: the store's Kafka broker stopped for %d s under load%n", options.outage().toSeconds());
        StoreProcess store = start(environment, phase, 0);
        try {
            Loaded loaded = load(store);
            ResilientLoad load = loaded.load();
            pause(options.loadRun());
            long before = load.acknowledged();
            long stopped = System.nanoTime();
            broker.close();
            pause(options.outage());
            long during = load.acknowledged() - before;
            double down = (System.nanoTime() - stopped) / 1e9;
            broker = EmbeddedKafka.start(phase.resolve("broker"), brokerPort);
            long back = System.nanoTime();
            out.printf("  accepted while the broker was down: %,d accesses in %.1f s (%,.0f/s; before it %,d in %d s)%n",
                    during, down, during / down, before, options.loadRun().toSeconds());
            pause(options.loadRun());
            ResilientLoad.Outcome outcome = load.stop();
            applied(loaded, outcome.highestPosition());
            out.printf("  everything acknowledged was applied %.1f s after the broker came back%n",
                    (System.nanoTime() - back) / 1e9);
            return reconcile(loaded, outcome, phase);
        } finally {
            store.stop();
            broker.close();
        }
    }

    /** Held to the acknowledged accesses: the event store, the timeline, and a verified bundle per agreement. */
    private boolean reconcile(Loaded loaded, ResilientLoad.Outcome outcome, Path phase)
            throws IOException, InterruptedException {
        out.printf("  acknowledged: %,d accesses; %,d requests posted again after a failure %s, %,d accesses answered as "
                        + "repeated (committed before the failure, not recorded twice)%n",
                outcome.acknowledged(), outcome.retried(), outcome.retries(), outcome.repeated());
        Reconciliation reconciliation = new Reconciliation(loaded.api(), loaded.agreements(), outcome.acknowledged());
        Reconciliation.Tally events = reconciliation.eventStore();
        out.printf("  event store: %s%n", events.describe());
        Reconciliation.Tally timeline = reconciliation.timeline(outcome.highestPosition());
        out.printf("  timeline:    %s%n", timeline.describe());
        List<String> failed = reconciliation.bundles(phase.resolve("bundles"));
        out.printf("  verifier:    %d bundle(s), one per agreement, %s%n", loaded.agreements().size(),
                failed.isEmpty() ? "every check passed" : failed.size() + " FAILED:\n" + String.join("\n", failed));
        return events.holds() && timeline.holds() && failed.isEmpty();
    }

    /** The load's client, its effective agreements, and the load itself, posting. */
    private record Loaded(AccessLoad api, List<String> agreements, ResilientLoad load) {
    }

    /** Drafts and signs the agreements on {@code store}, then starts the load; it comes back to the same port. */
    private Loaded load(StoreProcess store) throws IOException, InterruptedException {
        AccessLoad api = new AccessLoad(store.baseUrl(), token);
        List<String> agreements = api.agreements(options.agreements());
        ResilientLoad load = new ResilientLoad(api, agreements, options.batch(), GIVE_UP);
        load.start(options.connections());
        return new Loaded(api, agreements, load);
    }

    private StoreProcess start(Map<String, String> environment, Path phase, int run) throws IOException {
        return StoreProcess.start(jar, environment, phase.resolve("store-" + run + ".log"), START);
    }

    /** The store's settings for a part: its own data dir, a fixed HTTP port (clients come back to it), the bench's token. */
    private Map<String, String> environment(Path phase, Map<String, String> kafka) throws IOException {
        Files.createDirectories(phase);
        Map<String, String> environment = new HashMap<>(kafka);
        environment.put("EVIDENCE_DATA_DIR", phase.resolve("store").toString());
        environment.put("EVIDENCE_HTTP_PORT", Integer.toString(FreePorts.pick(1)[0]));
        environment.put("EVIDENCE_TOKENS_FILE", tokensFile.toString());
        return environment;
    }

    /** Waits until the load has had another batch acknowledged, or fails after {@link #GIVE_UP}. */
    private static void flowing(ResilientLoad load) {
        long before = load.acknowledged();
        long giveUpAt = System.nanoTime() + GIVE_UP.toNanos();
        while (load.acknowledged() == before) {
            if (System.nanoTime() > giveUpAt) {
                throw new IllegalStateException("the store acknowledged nothing within " + GIVE_UP + " of serving");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Waits until the projections have applied {@code position}, or fails after {@link #GIVE_UP}. */
    private static void applied(Loaded loaded, long position) throws IOException, InterruptedException {
        long giveUpAt = System.nanoTime() + GIVE_UP.toNanos();
        // Each probe itself waits up to 10 s on the store's side (minPosition), then answers 503.
        while (loaded.api().getOrNull("/api/v1/agreements/" + loaded.agreements().get(0) + "?minPosition=" + position)
                == null) {
            if (System.nanoTime() > giveUpAt) {
                throw new IllegalStateException("position " + position + " was not applied within " + GIVE_UP);
            }
        }
    }

    /** Lets the load run on: the fault comes at a moment of the bench's choosing, not on a condition. */
    private static void pause(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
