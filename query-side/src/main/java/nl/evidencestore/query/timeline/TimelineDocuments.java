package nl.evidencestore.query.timeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import nl.evidencestore.query.Events;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.kafka.ForwardedEvents;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Violation;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/** One Lucene document per event: the fields every event has, then those of its kind. */
final class TimelineDocuments {
    static final String EVENT_ID = "eventId";
    static final String TYPE = "type";
    /**
     * The event's position in the event store, as the forwarder stamped it. Not unique: an event
     * that filled a gap (transactions committing out of order) carries the highest position seen
     * before it, which is another event's.
     */
    static final String POSITION = "position";
    /**
     * The offset of the event's record in the events topic's one partition: unique among the
     * documents (a redelivered event's document takes its new record's offset, a reassessed
     * access keeps its own) and the same after a rebuild from the same log. The sort tiebreaker
     * that makes a cursor exact.
     */
    static final String OFFSET = "offset";
    /** The whole forwarded event, so projections can be reloaded from the index alone. */
    static final String EVENT = "event";
    static final String CONTROLLER_ID = "controllerId";

    static final String ACCESS_ID = "accessId";
    static final String AGREEMENT_ID = "agreementId";
    static final String ACTOR = "actor";
    static final String PURPOSE = "purpose";
    static final String CATEGORY = "category";
    static final String SENSITIVE = "sensitive";
    static final String VERDICT = "verdict";
    static final String OCCURRED_AT = "occurredAt";
    /** Free text over actor, system, instruction reference, purpose and violation reasons. */
    static final String TEXT = "text";

    /**
     * The documents' schema. Lucene refuses a field whose indexing changes (points, doc values,
     * index options) in an index that has it already: an index written in another schema is
     * started afresh and fed again from offset 0. Raise it with every such change.
     */
    static final String SCHEMA = "3";

    /** The facet dimensions of the timeline search; a category list is multi-valued. */
    static final FacetsConfig FACETS = facetsConfig();
    /** Each dimension's labels as indexed, per value: actors are many, the rest a handful. */
    private static final Map<String, Map<String, BytesRef>> FACET_LABELS = Map.of(ACTOR, new ConcurrentHashMap<>(),
            PURPOSE, new ConcurrentHashMap<>(), CATEGORY, new ConcurrentHashMap<>(), VERDICT, new ConcurrentHashMap<>());
    private static final int MAX_LABELS_KEPT = 10_000;

    /**
     * The timeline's order and the index's own (its index sort): newest occurredAt first, ties
     * broken by the unique record offset (the later record first), so a cursor is exact. Stored
     * in this order, a search for the newest page stops after its first hits in each segment, and
     * an occurredAt window is one run of documents. Events without occurredAt (not accesses) sort
     * last.
     */
    static final Sort NEWEST_FIRST = newestFirst();

    private TimelineDocuments() {
    }

    /**
     * The document of one event, read from the record at {@code offset} of the events topic.
     * {@code controllers} is the index's agreement → controller map: a drafted event adds to it,
     * an access reads its agreement's controller from it (the draft precedes every access of its
     * agreement in the single-partition event log).
     */
    static Document of(ForwardedEvent event, long offset, Map<AgreementId, ControllerId> controllers) {
        return of(event, ForwardedEvents.write(event), offset, controllers);
    }

    /** The same, with the event's JSON as it came from Kafka at hand: stored as it is. */
    static Document of(ForwardedEvent event, byte[] forwarded, long offset,
                       Map<AgreementId, ControllerId> controllers) {
        Document doc = envelope(event, forwarded, offset);
        Optional<EvidenceEvent> typed = Events.decode(event);
        if (typed.isPresent() && typed.get() instanceof AgreementDrafted drafted) {
            controllers.put(drafted.agreementId(), drafted.controller().id());
            agreementDrafted(doc, drafted);
        } else if (typed.isPresent() && typed.get() instanceof AccessRecorded access) {
            return accessRecorded(doc, access, Optional.ofNullable(controllers.get(access.agreementId())));
        }
        return doc;
    }

    /** Learns a drafted agreement's controller, as {@link #of} does, without making a document. */
    static void learnController(ForwardedEvent event, Map<AgreementId, ControllerId> controllers) {
        Events.decode(event).filter(AgreementDrafted.class::isInstance).map(AgreementDrafted.class::cast)
                .ifPresent(drafted -> controllers.put(drafted.agreementId(), drafted.controller().id()));
    }

    private static Document envelope(ForwardedEvent event, byte[] forwarded, long offset) {
        // Only what a search filters or sorts on is indexed: every access is a document, and
        // each indexed value costs at every flush and merge. The stored event holds the rest.
        Document doc = new Document();
        doc.add(new StringField(EVENT_ID, event.eventId(), Field.Store.NO));
        doc.add(new StringField(TYPE, event.type(), Field.Store.NO));
        doc.add(new NumericDocValuesField(POSITION, event.position()));
        doc.add(new NumericDocValuesField(OFFSET, offset));
        // For an access this copy holds the subject reference only sealed (crypto-shredding): a key
        // id and a ciphertext that nothing opens once the key is destroyed. It is stored, never
        // indexed, and the search never returns it.
        doc.add(new StoredField(EVENT, forwarded));
        return doc;
    }

    private static void agreementDrafted(Document doc, AgreementDrafted drafted) {
        doc.add(new StringField(CONTROLLER_ID, drafted.controller().id().value(), Field.Store.YES));
        doc.add(new StringField(AGREEMENT_ID, drafted.agreementId().value(), Field.Store.YES));
    }

    /**
     * What the timeline's search filters, counts and sorts on (api.md's parameters), the access id
     * a reassessment looks its access up by, and the free text. The rest of the access (actor
     * kind, country, system, instruction, articles, late or not) is read from the stored event:
     * indexed as keywords of their own they cost a third of the terms at every flush and merge,
     * and no query named them.
     */
    private static Document accessRecorded(Document doc, AccessRecorded access, Optional<ControllerId> controller) {
        keyword(doc, ACCESS_ID, access.accessId());
        keyword(doc, AGREEMENT_ID, access.agreementId().value());
        controller.ifPresent(id -> doc.add(new StringField(CONTROLLER_ID, id.value(), Field.Store.YES)));
        keyword(doc, ACTOR, access.actor().id());
        facet(doc, ACTOR, access.actor().id());
        keyword(doc, PURPOSE, access.purpose().name());
        facet(doc, PURPOSE, access.purpose().name());
        boolean sensitive = false;
        for (DataCategory category : access.categories().stream().distinct().toList()) {
            keyword(doc, CATEGORY, category.name());
            facet(doc, CATEGORY, category.name());
            sensitive |= category.sensitive();
        }
        keyword(doc, SENSITIVE, Boolean.toString(sensitive));
        keyword(doc, VERDICT, access.verdict().verdict().name());
        facet(doc, VERDICT, access.verdict().verdict().name());
        StringBuilder text = new StringBuilder(access.actor().id()).append(' ').append(access.system())
                .append(' ').append(access.purpose().name());
        for (Violation violation : access.verdict().violations()) {
            text.append(' ').append(violation.reason());
        }
        if (access.instructionRef() != null) {
            text.append(' ').append(access.instructionRef());
        }
        long occurredAt = access.occurredAt().toEpochMilli();
        doc.add(new LongPoint(OCCURRED_AT, occurredAt));
        doc.add(new NumericDocValuesField(OCCURRED_AT, occurredAt));
        doc.add(new TextField(TEXT, text.toString(), Field.Store.NO));
        return doc;
    }

    /**
     * The facet value as {@link FacetsConfig#build} indexes it for a flat dimension without
     * drill-down terms: one sorted-set doc value, "dimension, separator, value", in the facets'
     * field. Made here with its bytes kept per value: build() copied every document and
     * encoded each label again, a tenth of the feed's thread under W1.
     */
    private static void facet(Document doc, String dimension, String value) {
        BytesRef label = FACET_LABELS.get(dimension).get(value);
        if (label == null) {
            label = new BytesRef(FacetsConfig.pathToString(dimension, new String[] {value}));
            if (FACET_LABELS.get(dimension).size() < MAX_LABELS_KEPT) {
                FACET_LABELS.get(dimension).put(value, label);
            }
        }
        doc.add(new SortedSetDocValuesField(FACETS.getDimConfig(dimension).indexFieldName, label));
    }

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.NO));
    }

    private static Sort newestFirst() {
        SortField occurredAt = new SortField(OCCURRED_AT, SortField.Type.LONG, true);
        occurredAt.setMissingValue(Long.MIN_VALUE);
        return new Sort(occurredAt, new SortField(OFFSET, SortField.Type.LONG, true));
    }

    private static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(CATEGORY, true);
        // A search filters on the keyword fields, never by Lucene's drill-down terms: indexing
        // those too would add two terms per facet value to every document.
        for (String dimension : new String[] {ACTOR, PURPOSE, CATEGORY, VERDICT}) {
            config.setDrillDownTermsIndexing(dimension, FacetsConfig.DrillDownTermsIndexing.NONE);
        }
        return config;
    }
}
