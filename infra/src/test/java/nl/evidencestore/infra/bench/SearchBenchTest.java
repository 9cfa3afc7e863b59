package nl.evidencestore.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import nl.evidencestore.shared.subject.SubjectRefs;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.query.timeline.TimelineSearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The W4 bench on a tiny corpus: it builds what it says and runs every class of the mix; no timings asserted. */
class SearchBenchTest {
    @TempDir
    Path dir;

    @Test
    void indexesEveryAccessAndRunsEachClassOfTheMix() throws Exception {
        AccessCorpus corpus = new AccessCorpus(20, 2_000, 7);
        SearchBench bench = new SearchBench(corpus);
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            SearchBench.Build build = bench.build(index, dir, i -> { });
            Map<SearchBench.QueryClass, SearchBench.Latencies> result =
                    bench.run(new TimelineSearch(index, SubjectRefs.NONE), 4, 400, Duration.ofMinutes(5), 5);

            assertThat(build.documents()).isEqualTo(20 + 2_000);
            assertThat(build.bytes()).isPositive();
            assertThat(result.values().stream().mapToInt(l -> l.nanos().size()).sum()).isEqualTo(400);
            assertThat(result.values()).allSatisfy(latencies -> assertThat(latencies.nanos()).isNotEmpty());
            assertThat(result.get(SearchBench.QueryClass.SCOPED).meanTotal()).isPositive();
            assertThat(result.get(SearchBench.QueryClass.UNSCOPED_FILTERS).meanTotal()).isPositive();
        }
    }

    @Test
    void generatesTheSameCorpusFromTheSameSeed() {
        AccessCorpus one = new AccessCorpus(20, 2_000, 7);
        AccessCorpus two = new AccessCorpus(20, 2_000, 7);

        assertThat(one.access(1_234)).isEqualTo(two.access(1_234));
        assertThat(one.access(1_234)).isNotEqualTo(new AccessCorpus(20, 2_000, 8).access(1_234));
    }

    @Test
    void skewsTowardsLowNumbersButReachesTheHighOnes() {
        SplittableRandom random = new SplittableRandom(1);
        int[] counts = new int[10];
        for (int i = 0; i < 10_000; i++) {
            counts[AccessCorpus.skewed(random, 10)]++;
        }

        assertThat(counts[0]).isGreaterThan(3 * counts[9]);
        assertThat(counts[9]).isPositive();
        assertThat(counts[0]).isGreaterThan(counts[5]);
    }
}
