package nl.evidencestore.infra.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import nl.evidencestore.infra.bench.CrashBench;
import nl.evidencestore.infra.bench.StoreProcess;
import nl.evidencestore.shared.http.TokensFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** quality.md's crash test and broker outage, on the packaged store in a process of its own. */
@Command(name = "crash-bench", mixinStandardHelpOptions = true,
        description = "Reliability: kill -9 the store at random moments under load, and stop its broker under load; "
                + "then hold the event store, the timeline and the bundles to every acknowledged access.")
final class CrashBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--kills", defaultValue = "5", description = "kills of the store under load; 0 skips the crash test (default ${DEFAULT-VALUE})")
    int kills;

    @Option(names = "--outage-seconds", defaultValue = "30", description = "how long the broker stays down under load; 0 skips the outage (default ${DEFAULT-VALUE})")
    int outageSeconds;

    @Option(names = "--load-seconds", defaultValue = "10", description = "how long the load runs before each fault "
            + "(a kill comes at a random moment from a third of it to all of it) and after the last one (default ${DEFAULT-VALUE})")
    int loadSeconds;

    @Option(names = "--agreements", defaultValue = "10", description = "effective agreements the accesses spread over (default ${DEFAULT-VALUE})")
    int agreements;

    @Option(names = "--batch", defaultValue = "1000", description = "accesses per request (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--connections", defaultValue = "4", description = "concurrent HTTP connections (default ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--seed", description = "seed of the kill moments (default: the clock)")
    Long seed;

    @Option(names = "--data-dir", description = "where the stores keep their data (default: a new temporary directory)")
    Path dataDir;

    @Option(names = "--jar", description = "the packaged store to run (default: this jar)")
    Path jar;

    @Override
    public Integer call() throws Exception {
        if (kills < 0 || outageSeconds < 0 || loadSeconds < 1 || agreements < 1 || batch < 1 || batch > 10_000 || connections < 1) {
            throw new ParameterException(spec.commandLine(), "--kills and --outage-seconds must be >= 0,"
                    + " --load-seconds, --agreements and --connections >= 1, --batch from 1 to 10,000");
        }
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("evidence-crash");
        String token = TokensFile.newToken();
        CrashBench bench = new CrashBench(jar != null ? jar : StoreProcess.runningJar(), dir,
                BenchStore.tokensFile(dir, token), token,
                new CrashBench.Options(kills, Duration.ofSeconds(outageSeconds), Duration.ofSeconds(loadSeconds), agreements, batch, connections,
                        seed != null ? seed : System.currentTimeMillis()), System.out);
        return bench.run() ? 0 : 1;
    }
}
