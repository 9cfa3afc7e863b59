package nl.evidencestore.query.timeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.LongValues;

/**
 * The total and the facet counts (actor, category, purpose, verdict) of a query, in one pass
 * over its hits that visits at most about {@code exactUpTo} + {@code exactUpTo / 2} of them
 * (quality.md W4). The first {@code exactUpTo} hits are counted exactly; a query with no more
 * is answered exactly. Beyond, the rest of the index is sampled: it is cut into runs of
 * documents, groups of {@code stride} runs, and one run per group, drawn from a fixed seed, is
 * visited and counted {@code stride} times. The runs not drawn are skipped, never visited:
 * that is what bounds a query matching millions of accesses. Because the index is sorted by
 * occurredAt, the groups are time slices, so the sample spans the whole history evenly.
 */
final class TimelineFacets {
    static final List<String> DIMENSIONS = List.of(TimelineDocuments.ACTOR, TimelineDocuments.CATEGORY,
            TimelineDocuments.PURPOSE, TimelineDocuments.VERDICT);
    private static final int MAX_LABELS = 100;
    /** A fixed seed: the same query on the same reader gets the same sample, so pages agree. */
    private static final long SAMPLE_SEED = 0x5EED_28L;
    /** Runs of documents longer than this would make too coarse a sample of time. */
    private static final int MAX_RUN = 512;
    /** At least this many groups: the sample is spread over that many slices of the history. */
    private static final int MIN_GROUPS = 256;

    /**
     * {@code hits} is the number of hits when {@code exact}, otherwise the hits counted so far, a
     * lower bound; the facets are exact when {@code facetsExact}, otherwise estimates scaled up
     * from the sample. Every hit counted exactly also means the facets are.
     */
    record Counts(long hits, boolean exact, Map<String, Map<String, Long>> facets, boolean facetsExact) {
    }

    /** The reader's facet labels, and how each segment's ordinals map to the global ones (null: one segment). */
    private record ReaderState(IndexReader reader, SortedSetDocValuesReaderState state, OrdinalMap ordinals) {
        LongValues globalOrdinals(int leaf) {
            return ordinals == null ? LongValues.IDENTITY : ordinals.getGlobalOrds(leaf);
        }
    }

    private final int exactUpTo;
    private final int sampleHits;
    private volatile ReaderState cached;

    TimelineFacets(int exactUpTo) {
        if (exactUpTo < 1) {
            throw new IllegalArgumentException("facets must be exact up to at least one hit");
        }
        this.exactUpTo = exactUpTo;
        this.sampleHits = Math.max(1, exactUpTo / 2);
    }

    /** {@code query} as {@link IndexSearcher#rewrite} left it. */
    Counts count(IndexSearcher searcher, Query query) throws IOException {
        Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
        Tally tally = new Tally(searcher.getIndexReader().maxDoc());
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                countLeaf(searcher.getIndexReader(), leaf, scorer.iterator(), tally);
            }
        }
        return new Counts(tally.visited, tally.sampling == null, facets(tally), tally.sampling == null);
    }

    private void countLeaf(IndexReader reader, LeafReaderContext leaf, DocIdSetIterator hits, Tally tally)
            throws IOException {
        Bits live = leaf.reader().getLiveDocs();
        SortedSetDocValues values = null;
        // Counted by the segment's own ordinals, mapped to the global ones once per label at the end.
        long[] segmentCounts = null;
        int maxDoc = leaf.reader().maxDoc();
        for (int doc = hits.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; ) {
            if (live != null && !live.get(doc)) {
                doc = hits.nextDoc();
                continue;
            }
            long weight = tally.weightOf(leaf.docBase + doc, exactUpTo, sampleHits);
            if (weight == 0) {
                int next = tally.sampling.nextDrawn(leaf.docBase + doc) - leaf.docBase;
                doc = next >= maxDoc ? DocIdSetIterator.NO_MORE_DOCS : hits.advance(next);
                continue;
            }
            if (values == null) {
                // Only a leaf with hits needs the facet state, which an index without accesses lacks.
                tally.useState(state(reader));
                values = DocValues.getSortedSet(leaf.reader(), tally.state.state().getField());
                segmentCounts = new long[(int) values.getValueCount()];
            }
            if (values.advanceExact(doc)) {
                for (int i = 0, n = values.docValueCount(); i < n; i++) {
                    segmentCounts[(int) values.nextOrd()] += weight;
                }
            }
            doc = hits.nextDoc();
        }
        if (segmentCounts != null) {
            LongValues toGlobal = tally.state.globalOrdinals(leaf.ord);
            for (int ord = 0; ord < segmentCounts.length; ord++) {
                if (segmentCounts[ord] > 0) {
                    tally.counts[(int) toGlobal.get(ord)] += segmentCounts[ord];
                }
            }
        }
    }

    private Map<String, Map<String, Long>> facets(Tally tally) throws IOException {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        DIMENSIONS.forEach(dimension -> facets.put(dimension, new LinkedHashMap<>()));
        if (tally.state == null) {
            return facets;
        }
        SortedSetDocValues labels = tally.state.state().getDocValues();
        for (String dimension : DIMENSIONS) {
            SortedSetDocValuesReaderState.OrdRange range = tally.state.state().getOrdRange(dimension);
            if (range == null) {
                continue; // a dimension that no document in the index has yet
            }
            List<Integer> counted = new ArrayList<>();
            for (int ord = range.start; ord <= range.end; ord++) {
                if (tally.counts[ord] > 0) {
                    counted.add(ord);
                }
            }
            // Most hits first, then in label order, as Lucene's own facet counts rank them.
            counted.sort(Comparator.<Integer>comparingLong(ord -> -tally.counts[ord]).thenComparing(ord -> ord));
            for (int ord : counted.subList(0, Math.min(MAX_LABELS, counted.size()))) {
                String[] path = FacetsConfig.stringToPath(labels.lookupOrd(ord).utf8ToString());
                facets.get(dimension).put(path[1], tally.counts[ord]);
            }
        }
        return facets;
    }

    private ReaderState state(IndexReader reader) throws IOException {
        ReaderState current = cached;
        if (current == null || current.reader() != reader) {
            // Two searches on a new reader may both build it; either result is correct. It maps
            // each segment's ordinals to global ones, a pass over the index's facet labels.
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, TimelineDocuments.FACETS);
            OrdinalMap ordinals = state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi
                    ? multi.mapping : null;
            current = new ReaderState(reader, state, ordinals);
            cached = current;
        }
        return current;
    }

    /** What one count has seen: hits visited, weighted counts per global ordinal, and the sample once drawn. */
    private static final class Tally {
        private final int maxDoc;
        private long visited;
        private Sample sampling;
        private ReaderState state;
        private long[] counts = new long[0];

        Tally(int maxDoc) {
            this.maxDoc = maxDoc;
        }

        void useState(ReaderState state) {
            if (this.state == null) {
                this.state = state;
                this.counts = new long[state.state().getSize()];
            }
        }

        /**
         * How many hits the hit at {@code doc} (in index order) stands for: 1 while counting
         * exactly, the stride on a drawn run, 0 on a run not drawn. The hit after the first
         * {@code exactUpTo} draws the sample, sized from how dense the hits were so far.
         */
        long weightOf(int doc, int exactUpTo, int sampleHits) {
            if (sampling == null && visited >= exactUpTo) {
                long remainingDocs = maxDoc - (long) doc;
                double expected = (double) visited * remainingDocs / Math.max(1, doc);
                long stride = (long) Math.ceil(expected / sampleHits);
                if (stride > 1) {
                    sampling = Sample.from(doc, stride, remainingDocs);
                }
            }
            long weight = sampling == null ? 1 : sampling.weightOf(doc);
            if (weight > 0) {
                visited++;
            }
            return weight;
        }
    }

    /** Runs of documents from {@code origin} on, in groups of {@code stride} runs, one run drawn per group. */
    private record Sample(int origin, long stride, long run) {
        static Sample from(int origin, long stride, long remainingDocs) {
            return new Sample(origin, stride, Math.max(1, Math.min(MAX_RUN, remainingDocs / (stride * MIN_GROUPS))));
        }

        long weightOf(int doc) {
            long runNumber = (doc - origin) / run;
            return runNumber == drawn(runNumber / stride) ? stride : 0;
        }

        /** The first document of the next drawn run after the one {@code doc} is in. */
        int nextDrawn(int doc) {
            long runNumber = (doc - origin) / run;
            long group = runNumber / stride;
            long next = drawn(group) > runNumber ? drawn(group) : drawn(group + 1);
            return (int) Math.min(Integer.MAX_VALUE, origin + next * run);
        }

        private long drawn(long group) {
            long mixed = (group + SAMPLE_SEED) * 0x9E3779B97F4A7C15L;
            mixed ^= mixed >>> 31;
            return group * stride + Math.floorMod(mixed, stride);
        }
    }
}
