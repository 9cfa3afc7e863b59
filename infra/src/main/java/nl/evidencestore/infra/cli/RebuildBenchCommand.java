package nl.evidencestore.infra.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import nl.evidencestore.infra.EvidenceStore;
import nl.evidencestore.infra.Settings;
import nl.evidencestore.infra.bench.AccessLoad;
import nl.evidencestore.infra.bench.RebuildBench;
import nl.evidencestore.shared.http.TokensFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * quality.md W7: starts a store, fills its event log over HTTP, then rebuilds every projection
 * from Kafka offset 0 into a scratch index while the store runs, beside the raw Lucene rate.
 */
@Command(name = "rebuild-bench", mixinStandardHelpOptions = true,
        description = "Benchmark W7: rebuild the projections from Kafka offset 0 beside the raw Lucene indexing rate.")
final class RebuildBenchCommand implements Callable<Integer> {
    @Option(names = "--accesses", defaultValue = "200000", description = "accesses to post first (default ${DEFAULT-VALUE})")
    int accesses;

    @Option(names = "--agreements", defaultValue = "50", description = "agreements (default ${DEFAULT-VALUE})")
    int agreements;

    @Option(names = "--data-dir", description = "where the store keeps its data (default: a new temporary directory)")
    Path dataDir;

    @Option(names = "--again", description = "W7 without posting: rebuild from the events an earlier run (of this,"
            + " `load` or `bundle-bench`) left in --data-dir")
    boolean again;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (accesses < 1 || agreements < 1) {
            throw new ParameterException(spec.commandLine(), "--accesses and --agreements must be positive");
        }
        if (again && (dataDir == null || !Files.isDirectory(dataDir))) {
            throw new ParameterException(spec.commandLine(), "--again needs the --data-dir of an earlier run");
        }
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("evidence-rebuild-bench");
        String token = TokensFile.newToken();
        Settings settings = BenchStore.settings(dir, token);
        try (EvidenceStore store = EvidenceStore.start(settings)) {
            if (!again) {
                post(new AccessLoad("http://127.0.0.1:" + store.httpPort(), token));
            }
            RebuildBench.Report report = RebuildBench.measure(store.kafkaBootstrap(), settings.topics().events(),
                    Files.createTempDirectory(dir, "rebuild-bench"));
            System.out.printf("raw Lucene:  %,d documents of the same events added to a bare IndexWriter in %.1f s "
                    + "(%,.0f documents/s, one thread; read from Kafka in batches, only Lucene's part timed)%n", report.documents(),
                    report.raw().toMillis() / 1000.0, report.rawRate());
            System.out.printf("rebuild:     %,d documents from %,d Kafka offsets in %.1f s (%,.0f documents/s, "
                    + "every projection, as `rebuild` runs it)%n", report.rebuild().documents(), report.rebuild().events(),
                    report.rebuild().elapsed().toMillis() / 1000.0, report.rebuildRate());
            System.out.printf("ratio rebuild / raw Lucene: %.2f (target >= 0.50)%n", report.ratio());
        }
        return 0;
    }

    private void post(AccessLoad load) throws Exception {
        List<String> ids = load.agreements(agreements);
        AccessLoad.Result loaded = load.post(ids, accesses, 1000, 2);
        Duration applied = load.untilApplied(loaded.probeAgreement(), loaded.lastPosition());
        System.out.printf("loaded %,d accesses over HTTP in %.1f s; the live projections applied them %.1f s later%n",
                loaded.accepted(), loaded.elapsed().toMillis() / 1000.0, applied.toMillis() / 1000.0);
    }
}
