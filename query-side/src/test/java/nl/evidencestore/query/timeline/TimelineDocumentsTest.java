package nl.evidencestore.query.timeline;

import static nl.evidencestore.query.Fixtures.AGREEMENT;
import static nl.evidencestore.query.Fixtures.forwarded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.subject.SealedSubject;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class TimelineDocumentsTest {
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private static final String FACETS_FIELD = TimelineDocuments.FACETS.getDimConfig("actor").indexFieldName;

    /** The document's facet values are what Lucene's FacetsConfig.build makes of the same facet fields. */
    @Test
    void anAccessCarriesTheFacetValuesFacetsConfigWouldIndex() throws Exception {
        AccessRecorded access = new AccessRecorded(AGREEMENT, "acc-2", new Actor("emp-7", ActorKind.EMPLOYEE, null),
                Purpose.of("REMOTE_SUPPORT"), null, List.of(DataCategory.of("BSN"), DataCategory.of("SURNAME")),
                new SealedSubject("key-1", "c2VhbGVk"), Country.of("NL"), "visiquick-support", T0,
                Verdict.of(List.of()), true, false, "eea-2026-01");
        Document facetFields = new Document();
        facetFields.add(new SortedSetDocValuesFacetField("actor", "emp-7"));
        facetFields.add(new SortedSetDocValuesFacetField("purpose", "REMOTE_SUPPORT"));
        facetFields.add(new SortedSetDocValuesFacetField("category", "BSN"));
        facetFields.add(new SortedSetDocValuesFacetField("category", "SURNAME"));
        facetFields.add(new SortedSetDocValuesFacetField("verdict", "COMPLIANT"));

        Document doc = TimelineDocuments.of(forwarded("ev-2", 1, 1, T0, access), 0, new HashMap<>());

        assertThat(facetValues(doc)).containsExactlyInAnyOrderElementsOf(
                facetValues(TimelineDocuments.FACETS.build(facetFields)));
    }

    private static List<BytesRef> facetValues(Document doc) {
        return doc.getFields().stream().filter(field -> field.name().equals(FACETS_FIELD))
                .map(IndexableField::binaryValue).toList();
    }

    /** Every indexed field costs at each flush and merge of every access: only what a search reads is indexed. */
    @Test
    void anAccessIndexesOnlyWhatTheSearchFiltersCountsOrSortsOn() {
        AccessRecorded access = new AccessRecorded(AGREEMENT, "acc-1", new Actor("sys-1", ActorKind.SYSTEM, null),
                Purpose.of("REMOTE_SUPPORT"), "ticket-1", List.of(DataCategory.of("BSN")),
                new SealedSubject("key-1", "c2VhbGVk"), Country.of("US"), "visiquick-conversion", T0,
                Verdict.of(List.of(new Violation("3.2", "outside the EEA"))), false, true, "eea-2026-01");

        Document doc = TimelineDocuments.of(forwarded("ev-1", 1, 1, T0, access), 0, new HashMap<>());

        Set<String> fields = doc.getFields().stream().map(IndexableField::name).collect(Collectors.toSet());
        assertThat(fields).containsExactlyInAnyOrder("eventId", "type", "position", "offset", "event", "accessId",
                "agreementId", "actor", "purpose", "category", "sensitive", "verdict", "occurredAt", "text",
                "$facets");
    }
}
