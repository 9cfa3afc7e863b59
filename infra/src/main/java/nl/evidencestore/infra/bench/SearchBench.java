package nl.evidencestore.infra.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.query.timeline.TimelineQuery;
import nl.evidencestore.query.timeline.TimelineSearch;
import nl.evidencestore.shared.kafka.ForwardedEvent;

/**
 * quality.md W4: builds the index straight from {@link AccessCorpus} through
 * {@link TimelineIndex#add} (the live index's document code; no Kafka, no HTTP), then runs the
 * W4 mix from several clients in process through {@link TimelineSearch}, the code behind
 * {@code GET /api/v1/timeline}, and keeps every latency per class of query.
 */
public final class SearchBench {
    private static final int BUILDERS = 2;
    private static final long QUARTER_MILLIS = Duration.ofDays(91).toMillis();

    /** The W4 mix: 70 % scoped, 20 % free text, 10 % unscoped filters. */
    public enum QueryClass { SCOPED, FREE_TEXT, UNSCOPED_FILTERS }

    /** The built index: documents, on-disk bytes and how long the build took. */
    public record Build(long documents, long bytes, Duration elapsed) {
        public double documentsPerSecond() {
            return documents * 1e9 / Math.max(1, elapsed.toNanos());
        }
    }

    /**
     * Sorted latencies of one class, in nanoseconds, and the CPU time each query took on its
     * client's thread (sorted too: on a shared machine the latency includes waiting for a core,
     * the CPU time does not), the mean {@code total} of the answers (a lower bound in those with
     * {@code totalExact:false}), how many had sampled facets and how many a lower-bound total.
     */
    public record Latencies(List<Long> nanos, List<Long> cpuNanos, double meanTotal, long sampledFacets,
                            long lowerBoundTotals) {
        public double percentileMillis(double p) {
            return percentile(nanos, p);
        }

        public double cpuPercentileMillis(double p) {
            return percentile(cpuNanos, p);
        }

        private static double percentile(List<Long> sorted, double p) {
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, rank)) / 1e6;
        }
    }

    private final AccessCorpus corpus;

    public SearchBench(AccessCorpus corpus) {
        this.corpus = corpus;
    }

    /** Indexes the drafts, then every access from {@value #BUILDERS} threads, commits and refreshes. */
    public Build build(TimelineIndex index, Path indexDir, LongProgress progress) throws Exception {
        long started = System.nanoTime();
        // Offsets as in a log of one record per event: the drafts, then the accesses.
        List<ForwardedEvent> drafts = corpus.drafts();
        for (int d = 0; d < drafts.size(); d++) {
            index.add(drafts.get(d), d);
        }
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(BUILDERS);
        try {
            List<Future<?>> builders = new ArrayList<>();
            for (int t = 0; t < BUILDERS; t++) {
                builders.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < corpus.accesses(); i = next.getAndIncrement()) {
                        index.add(corpus.access(i), drafts.size() + i);
                        progress.reached(i);
                    }
                    return null;
                }));
            }
            for (Future<?> builder : builders) {
                builder.get();
            }
        } finally {
            pool.shutdownNow();
        }
        index.commit(0, corpus.agreements() + corpus.accesses());
        index.refresh();
        return new Build(index.documentCount(), sizeOf(indexDir), Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Runs the mix from {@code clients} threads until {@code queries} have run (0: no limit) or
     * {@code duration} has passed, after {@code warmUp} unrecorded queries per client.
     */
    public Map<QueryClass, Latencies> run(TimelineSearch search, int clients, long queries, Duration duration,
                                          int warmUp) throws Exception {
        Map<QueryClass, List<Long>> nanos = new EnumMap<>(QueryClass.class);
        Map<QueryClass, List<Long>> cpuNanos = new EnumMap<>(QueryClass.class);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<QueryClass, AtomicLong> totals = new EnumMap<>(QueryClass.class);
        Map<QueryClass, AtomicLong> sampled = new EnumMap<>(QueryClass.class);
        Map<QueryClass, AtomicLong> lowerBounds = new EnumMap<>(QueryClass.class);
        for (QueryClass c : QueryClass.values()) {
            nanos.put(c, Collections.synchronizedList(new ArrayList<>()));
            cpuNanos.put(c, Collections.synchronizedList(new ArrayList<>()));
            totals.put(c, new AtomicLong());
            sampled.put(c, new AtomicLong());
            lowerBounds.put(c, new AtomicLong());
        }
        AtomicLong issued = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                SplittableRandom random = new SplittableRandom(1_000 + c);
                workers.add(pool.submit(() -> {
                    for (int w = 0; w < warmUp; w++) {
                        search.search(query(random, pick(random)));
                    }
                    // From the end of the warm-up: on a busy machine the warm-up alone can take longer.
                    long deadline = System.nanoTime() + duration.toNanos();
                    while (System.nanoTime() < deadline && (queries == 0 || issued.getAndIncrement() < queries)) {
                        QueryClass kind = pick(random);
                        TimelineQuery query = query(random, kind);
                        long start = System.nanoTime();
                        long cpuStart = threads.getCurrentThreadCpuTime();
                        var page = search.search(query);
                        nanos.get(kind).add(System.nanoTime() - start);
                        cpuNanos.get(kind).add(threads.getCurrentThreadCpuTime() - cpuStart);
                        totals.get(kind).addAndGet(page.total());
                        if (!page.facetsExact()) {
                            sampled.get(kind).incrementAndGet();
                        }
                        if (!page.totalExact()) {
                            lowerBounds.get(kind).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<QueryClass, Latencies> result = new EnumMap<>(QueryClass.class);
        for (QueryClass c : QueryClass.values()) {
            List<Long> sorted = new ArrayList<>(nanos.get(c));
            Collections.sort(sorted);
            List<Long> cpu = new ArrayList<>(cpuNanos.get(c));
            Collections.sort(cpu);
            result.put(c, new Latencies(sorted, cpu, sorted.isEmpty() ? 0 : (double) totals.get(c).get() / sorted.size(),
                    sampled.get(c).get(), lowerBounds.get(c).get()));
        }
        return result;
    }

    private static QueryClass pick(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 70 ? QueryClass.SCOPED : roll < 90 ? QueryClass.FREE_TEXT : QueryClass.UNSCOPED_FILTERS;
    }

    TimelineQuery query(SplittableRandom random, QueryClass kind) {
        return switch (kind) {
            case SCOPED -> scoped(random);
            case FREE_TEXT -> TimelineQuery.all().withText(freeText(random));
            case UNSCOPED_FILTERS -> unscopedFilters(random);
        };
    }

    /** One agreement or controller, a window of one day to three months, a filter or two half the time. */
    private TimelineQuery scoped(SplittableRandom random) {
        int agreement = AccessCorpus.skewed(random, corpus.agreements());
        boolean byController = random.nextBoolean();
        List<String> agreements = byController ? List.of() : List.of(AccessCorpus.agreementId(agreement));
        List<String> controllers = byController ? List.of(corpus.controllerOf(agreement)) : List.of();
        List<String> categories = random.nextInt(2) == 0 ? List.of(one(random, AccessCorpus.CATEGORIES)) : List.of();
        List<String> verdicts = random.nextInt(4) == 0 ? List.of("VIOLATION") : List.of();
        List<String> actors = random.nextInt(5) == 0 ? List.of("emp-" + (20 + random.nextInt(40))) : List.of();
        long window = Duration.ofDays(1).toMillis() + (long) (random.nextDouble() * (QUARTER_MILLIS - 86_400_000L));
        long from = AccessCorpus.START.toEpochMilli()
                + (long) (random.nextDouble() * (AccessCorpus.SPAN.toMillis() - window));
        return TimelineQuery.all().withFilters(agreements, controllers, actors, categories, List.of(), verdicts)
                .withWindow(Optional.of(Instant.ofEpochMilli(from)), Optional.of(Instant.ofEpochMilli(from + window)));
    }

    private static String freeText(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> "emp-" + (20 + random.nextInt(AccessCorpus.ACTORS - 20));
            case 1 -> "ZD-" + (100_000 + random.nextInt(900_000));
            case 2 -> one(random, List.of("conversion", "backup", "gateway", "zendesk", "updater"));
            case 3 -> one(random, List.of("adequacy decision", "instruction reference", "not allowed", "Annex"));
            default -> one(random, List.of("remote* support", "imag*", "EEA", "report export"));
        };
    }

    /** No agreement or controller: a sensitive category, a violation, an actor or a purpose, the whole history. */
    private static TimelineQuery unscopedFilters(SplittableRandom random) {
        List<String> none = List.of();
        return switch (random.nextInt(4)) {
            case 0 -> TimelineQuery.all().withFilters(none, none, none, List.of("BSN"), none, List.of("VIOLATION"));
            case 1 -> TimelineQuery.all().withFilters(none, none, none, none, none, List.of("VIOLATION"));
            case 2 -> TimelineQuery.all().withFilters(none, none, List.of("emp-" + (20 + random.nextInt(280))), none,
                    none, none);
            default -> TimelineQuery.all().withFilters(none, none, none, none,
                    List.of(one(random, AccessCorpus.PURPOSES)), none);
        };
    }

    private static String one(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    public static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // a file Lucene merged away while we walked
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + dir, e);
        }
    }

    /** Told the number of the latest access indexed, from any builder thread. */
    @FunctionalInterface
    public interface LongProgress {
        void reached(long index);
    }
}
