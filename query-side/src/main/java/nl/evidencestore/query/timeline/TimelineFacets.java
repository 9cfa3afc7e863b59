package nl.evidencestore.query.timeline;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Facet counts for actor, category, purpose and verdict over the hits of a query: exact up to
 * {@code exactUpTo} hits, beyond that counted on a random sample of about that many hits and
 * scaled up (quality.md W4), because counting four dimensions is what costs on millions of hits.
 * The doc-values state maps each segment's ordinals to global ones, which costs a pass over the
 * index's facet values: it is built once per reader, not once per search.
 */
final class TimelineFacets {
    static final List<String> DIMENSIONS = List.of(TimelineDocuments.ACTOR, TimelineDocuments.CATEGORY,
            TimelineDocuments.PURPOSE, TimelineDocuments.VERDICT);
    private static final int MAX_LABELS = 100;
    /** A fixed seed: the same query on the same reader gets the same sample, so pages agree. */
    private static final long SAMPLE_SEED = 0x5EED_28L;

    private record ReaderState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    /**
     * Every hit of the query, counted exactly (the collector visits each one), and the facet
     * counts over them; {@code facetsExact} is false when those were scaled up from a sample.
     */
    record Counts(long hits, Map<String, Map<String, Long>> facets, boolean facetsExact) {
    }

    private final int exactUpTo;
    private volatile ReaderState cached;

    TimelineFacets(int exactUpTo) {
        if (exactUpTo < 1) {
            throw new IllegalArgumentException("facets must be exact up to at least one hit");
        }
        this.exactUpTo = exactUpTo;
    }

    Counts count(IndexSearcher searcher, Query query) throws IOException {
        RandomSamplingFacetsCollector hits = searcher.search(query,
                RandomSamplingFacetsCollector.createManager(exactUpTo, SAMPLE_SEED));
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        DIMENSIONS.forEach(dimension -> facets.put(dimension, new LinkedHashMap<>()));
        long matched = hits.getOriginalMatchingDocs().stream().mapToLong(docs -> docs.totalHits).sum();
        if (matched == 0) {
            // Also covers an index without any access yet, which has no facet field at all.
            return new Counts(0, facets, true);
        }
        boolean exact = matched <= exactUpTo;
        // getMatchingDocs() draws the sample (or returns every hit when there are few enough).
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state(searcher.getIndexReader()), hits);
        double scale = exact ? 1.0 : 1.0 / hits.getSamplingRate();
        for (String dimension : DIMENSIONS) {
            FacetResult result;
            try {
                result = counts.getTopChildren(MAX_LABELS, dimension);
            } catch (IllegalArgumentException e) {
                continue; // a dimension that no document in the index has yet
            }
            if (result != null) {
                for (LabelAndValue label : result.labelValues) {
                    long count = Math.min(matched, Math.round(label.value.longValue() * scale));
                    facets.get(dimension).put(label.label, count);
                }
            }
        }
        return new Counts(matched, facets, exact);
    }

    private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        ReaderState current = cached;
        if (current == null || current.reader() != reader) {
            // Two searches on a new reader may both build it; either result is correct.
            current = new ReaderState(reader, new DefaultSortedSetDocValuesReaderState(reader, TimelineDocuments.FACETS));
            cached = current;
        }
        return current.state();
    }
}
