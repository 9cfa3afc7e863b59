package nl.evidencestore.query.timeline;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Facet counts for actor, category, purpose and verdict over every hit of a query. The
 * doc-values state maps each segment's ordinals to global ones, which costs a pass over the
 * index's facet values: it is built once per reader, not once per search.
 */
final class TimelineFacets {
    static final List<String> DIMENSIONS = List.of(TimelineDocuments.ACTOR, TimelineDocuments.CATEGORY,
            TimelineDocuments.PURPOSE, TimelineDocuments.VERDICT);
    private static final int MAX_LABELS = 100;

    private record ReaderState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    /** Every hit of the query, counted exactly, and the facet counts over them. */
    record Counts(long hits, Map<String, Map<String, Long>> facets) {
    }

    private volatile ReaderState cached;

    Counts count(IndexSearcher searcher, Query query) throws IOException {
        FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        DIMENSIONS.forEach(dimension -> facets.put(dimension, new LinkedHashMap<>()));
        long matched = hits.getMatchingDocs().stream().mapToLong(docs -> docs.totalHits).sum();
        if (matched == 0) {
            // Also covers an index without any access yet, which has no facet field at all.
            return new Counts(0, facets);
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state(searcher.getIndexReader()), hits);
        for (String dimension : DIMENSIONS) {
            FacetResult result;
            try {
                result = counts.getTopChildren(MAX_LABELS, dimension);
            } catch (IllegalArgumentException e) {
                continue; // a dimension that no document in the index has yet
            }
            if (result != null) {
                for (LabelAndValue label : result.labelValues) {
                    facets.get(dimension).put(label.label, label.value.longValue());
                }
            }
        }
        return new Counts(matched, facets);
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
