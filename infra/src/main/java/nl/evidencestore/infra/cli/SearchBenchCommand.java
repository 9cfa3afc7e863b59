package nl.evidencestore.infra.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.evidencestore.shared.subject.SubjectRefs;
import nl.evidencestore.infra.bench.AccessCorpus;
import nl.evidencestore.infra.bench.SearchBench;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.query.timeline.TimelineSearch;
import org.apache.lucene.util.IOUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** quality.md W4: a synthetic two-year index, then the query mix from four clients; p50 and p99 per class. */
@Command(name = "search-bench", mixinStandardHelpOptions = true,
        description = "Benchmark W4: index N accesses over two years, then run the W4 query mix from 4 clients.")
final class SearchBenchCommand implements Callable<Integer> {
    @Option(names = "--accesses", defaultValue = "10000000", description = "accesses to index (default ${DEFAULT-VALUE})")
    long accesses;

    @Option(names = "--agreements", defaultValue = "500", description = "agreements (default ${DEFAULT-VALUE})")
    int agreements;

    @Option(names = "--clients", defaultValue = "4", description = "concurrent clients (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--seconds", defaultValue = "60", description = "how long to run the mix (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--queries", defaultValue = "0", description = "stop after this many queries (default: no limit)")
    long queries;

    @Option(names = "--warm-up", defaultValue = "200", description = "unrecorded queries per client first (default ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--index-dir", description = "where to build the index (default: a temporary directory, deleted after);"
            + " kept after the run, and an index already there is searched as it is, not built again")
    Path indexDir;

    @Override
    public Integer call() throws Exception {
        if (accesses < 1 || agreements < 1 || clients < 1 || seconds < 1 || queries < 0 || warmUp < 0) {
            System.err.println("search-bench: --accesses, --agreements, --clients and --seconds must be positive");
            return 2;
        }
        Path dir = indexDir != null ? indexDir : Files.createTempDirectory("evidence-search-bench");
        try {
            run(dir);
        } finally {
            if (indexDir == null) {
                IOUtils.rm(dir);
            }
        }
        return 0;
    }

    private void run(Path dir) throws Exception {
        SearchBench bench = new SearchBench(new AccessCorpus(agreements, accesses, 28));
        System.out.printf("search-bench: %,d accesses over %d agreements and two years, indexed straight into %s "
                + "through the live index's document code (TimelineIndex.add), bypassing Kafka%n", accesses, agreements, dir);
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            if (index.documentCount() > 0) {
                // Searching one built index again (other query code, a quieter machine) saves its build.
                System.out.printf("index: %,d documents, %,.0f MB, already built in %s%n", index.documentCount(),
                        SearchBench.sizeOf(dir) / 1e6, dir);
            } else {
                build(bench, index, dir);
            }
            System.out.printf("queries: %d clients in process through TimelineSearch (the code behind GET /api/v1/timeline, "
                    + "not over HTTP), %d s%s, after %d warm-up queries each%n", clients, seconds,
                    queries > 0 ? " or " + queries + " queries" : "", warmUp);
            Map<SearchBench.QueryClass, SearchBench.Latencies> result =
                    bench.run(new TimelineSearch(index, SubjectRefs.NONE), clients, queries, Duration.ofSeconds(seconds), warmUp);
            result.forEach(SearchBenchCommand::print);
            System.out.println("target (quality.md W4): scoped p50 < 10 ms, p99 < 50 ms with facets; the rest reported");
        }
    }

    private void build(SearchBench bench, TimelineIndex index, Path dir) throws Exception {
        long step = Math.max(1, accesses / 10);
        SearchBench.Build build = bench.build(index, dir, i -> {
            if (i > 0 && i % step == 0) {
                System.out.printf("  indexed %,d%n", i);
            }
        });
        System.out.printf("index: %,d documents, %,.0f MB, built in %.1f s (%,.0f documents/s)%n", build.documents(),
                build.bytes() / 1e6, build.elapsed().toMillis() / 1000.0, build.documentsPerSecond());
    }

    private static void print(SearchBench.QueryClass kind, SearchBench.Latencies latencies) {
        System.out.printf("  %-17s %,7d queries  p50 %7.2f ms  p99 %7.2f ms  (CPU p50 %6.2f ms  p99 %7.2f ms)"
                        + "  mean total %,.0f hits  total a lower bound in %,d  facets sampled in %,d%n",
                kind.name().toLowerCase().replace('_', ' '), latencies.nanos().size(), latencies.percentileMillis(50),
                latencies.percentileMillis(99), latencies.cpuPercentileMillis(50), latencies.cpuPercentileMillis(99),
                latencies.meanTotal(), latencies.lowerBoundTotals(), latencies.sampledFacets());
    }
}
