package nl.evidencestore.query.timeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.evidencestore.query.Events;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.error.UnknownResource;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.kafka.ForwardedEvents;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.subject.SubjectRefs;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The access timeline search over {@link TimelineIndex}. Auditor scoping lives here, as a
 * mandatory clause of the query itself, so no caller can forget it.
 */
public final class TimelineSearch {
    /**
     * quality.md W4: facets are counted exactly up to this many hits, on a sample beyond; so is
     * the total (W4 asks it exact up to 10,000), a lower bound beyond.
     */
    static final int EXACT_FACETS_UP_TO = 100_000;
    private static final Set<String> STORED = Set.of(TimelineDocuments.EVENT, TimelineDocuments.CONTROLLER_ID);

    private final TimelineIndex index;
    private final SubjectRefs subjects;
    private final TimelineFacets facets;

    public TimelineSearch(TimelineIndex index, SubjectRefs subjects) {
        this(index, subjects, EXACT_FACETS_UP_TO);
    }

    /** Tests make sampling visible on a small index with a small {@code exactFacetsUpTo}. */
    TimelineSearch(TimelineIndex index, SubjectRefs subjects, int exactFacetsUpTo) {
        this.index = index;
        this.subjects = subjects;
        this.facets = new TimelineFacets(exactFacetsUpTo);
    }

    public TimelinePage search(TimelineQuery request) {
        Query query = luceneQuery(request);
        try {
            // Rewritten once for both passes (page, then facets): a prefix expands to its terms here.
            return index.withSearcher(searcher -> page(searcher, searcher.rewrite(query), request));
        } catch (IndexSearcher.TooManyClauses e) {
            // A prefix or wildcard can expand past Lucene's clause limit only when it runs.
            throw new InvalidInput("q", "matches too many terms; narrow the wildcard or prefix");
        }
    }

    private Query luceneQuery(TimelineQuery request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TimelineDocuments.TYPE, EventTypes.nameOf(AccessRecorded.class))),
                        BooleanClause.Occur.FILTER);
        request.visibleControllers().ifPresent(visible -> {
            refuseOutsideScope(request, visible);
            query.add(anyOf(TimelineDocuments.CONTROLLER_ID, visible.stream().map(ControllerId::value).toList()),
                    BooleanClause.Occur.FILTER);
        });
        request.text().ifPresent(q -> query.add(TimelineText.parse(q), BooleanClause.Occur.MUST));
        filter(query, TimelineDocuments.AGREEMENT_ID, request.agreementIds());
        filter(query, TimelineDocuments.CONTROLLER_ID, request.controllerIds());
        filter(query, TimelineDocuments.ACTOR, request.actors());
        filter(query, TimelineDocuments.CATEGORY, request.categories());
        filter(query, TimelineDocuments.PURPOSE, request.purposes());
        filter(query, TimelineDocuments.VERDICT, request.verdicts());
        request.sensitive().ifPresent(value -> filter(query, TimelineDocuments.SENSITIVE, List.of(value.toString())));
        if (request.from().isPresent() || request.to().isPresent()) {
            long from = request.from().map(instant -> instant.toEpochMilli()).orElse(Long.MIN_VALUE);
            long to = request.to().map(instant -> instant.toEpochMilli()).orElse(Long.MAX_VALUE);
            // The index is sorted by occurredAt, so in each segment the window is one run of
            // documents, found by binary search. The fallback serves a segment where it cannot be:
            // there a window of months holds millions of accesses of every agreement, so its doc
            // values let Lucene check the window per candidate of a sparser clause (an agreement).
            Query fallback = new IndexOrDocValuesQuery(LongPoint.newRangeQuery(TimelineDocuments.OCCURRED_AT, from, to),
                    NumericDocValuesField.newSlowRangeQuery(TimelineDocuments.OCCURRED_AT, from, to));
            query.add(new IndexSortSortedNumericDocValuesRangeQuery(TimelineDocuments.OCCURRED_AT, from, to, fallback),
                    BooleanClause.Occur.FILTER);
        }
        if (request.text().isEmpty()) {
            query.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        return query.build();
    }

    /** api.md: an auditor naming another controller, or its agreement, gets 404 as if it did not exist. */
    private void refuseOutsideScope(TimelineQuery request, Set<ControllerId> visible) {
        Set<String> visibleIds = visible.stream().map(ControllerId::value).collect(Collectors.toSet());
        if (!visibleIds.containsAll(request.controllerIds())) {
            throw new UnknownResource("no such controller");
        }
        for (String agreementId : request.agreementIds()) {
            boolean seen;
            try {
                seen = index.controllerOf(AgreementId.of(agreementId)).filter(visible::contains).isPresent();
            } catch (IllegalArgumentException e) {
                seen = false;
            }
            if (!seen) {
                throw new UnknownResource("no such agreement");
            }
        }
    }

    private static void filter(BooleanQuery.Builder query, String field, List<String> anyOf) {
        if (!anyOf.isEmpty()) {
            query.add(anyOf(field, anyOf), BooleanClause.Occur.FILTER);
        }
    }

    private static Query anyOf(String field, List<String> values) {
        if (values.size() == 1) {
            // The usual filter (one agreement, one category): a term set rewrites itself in every
            // segment, which on an index of tens of segments cost a scoped search more than its hits.
            return new TermQuery(new Term(field, values.get(0)));
        }
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private TimelinePage page(IndexSearcher searcher, Query query, TimelineQuery request) throws IOException {
        FieldDoc after = request.cursor()
                .map(c -> new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {c.occurredAtMillis(), c.offset()}))
                .orElse(null);
        // The index's own order: each segment's collection stops after the page's hits (the
        // total comes from the facets' pass, so the page collector need count no further).
        TopFieldDocs top = searcher.search(query,
                new TopFieldCollectorManager(TimelineDocuments.NEWEST_FIRST, request.limit(), after, request.limit()));
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
            hits.add(hit(stored.document(hit.doc, STORED)));
        }
        // Read now, not indexed: an erasure changes no document.
        Set<String> erased = subjects.erased(hits.stream().map(hit -> hit.access().subject().keyId()).toList());
        List<TimelineItem> items = hits.stream().map(hit -> TimelineItem.of(hit.event(), hit.access(),
                hit.controllerId(), erased.contains(hit.access().subject().keyId()))).toList();
        String nextCursor = null;
        if (top.scoreDocs.length == request.limit()) {
            Object[] last = ((FieldDoc) top.scoreDocs[top.scoreDocs.length - 1]).fields;
            nextCursor = new TimelineCursor((Long) last[0], (Long) last[1]).encode();
        }
        TimelineFacets.Counts counted = facets.count(searcher, query);
        return new TimelinePage(items, counted.hits(), counted.exact(), nextCursor, counted.facets(),
                counted.facetsExact());
    }

    private record Hit(ForwardedEvent event, AccessRecorded access, String controllerId) {
    }

    private static Hit hit(Document doc) {
        BytesRef json = doc.getBinaryValue(TimelineDocuments.EVENT);
        ForwardedEvent event = ForwardedEvents.read(BytesRef.deepCopyOf(json).bytes);
        AccessRecorded access = (AccessRecorded) Events.decode(event).orElseThrow();
        return new Hit(event, access, doc.get(TimelineDocuments.CONTROLLER_ID));
    }
}
