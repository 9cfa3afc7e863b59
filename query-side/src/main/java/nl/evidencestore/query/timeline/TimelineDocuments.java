package nl.evidencestore.query.timeline;

import java.util.Optional;
import nl.evidencestore.query.Events;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;

/** One Lucene document per event: the fields every event has, then those of its kind. */
final class TimelineDocuments {
    static final String EVENT_ID = "eventId";
    static final String TYPE = "type";
    static final String STREAM_ID = "streamId";
    static final String POSITION = "position";
    static final String RECORDED_AT = "recordedAt";
    /** The whole forwarded event, so projections can be reloaded from the index alone. */
    static final String EVENT = "event";
    static final String CONTROLLER_ID = "controllerId";

    private TimelineDocuments() {
    }

    static Document of(ForwardedEvent event) {
        Document doc = envelope(event);
        Optional<EvidenceEvent> typed = Events.decode(event);
        // One branch per event kind that adds searchable fields; access events will add
        // actor, categories, purpose, verdict and the rest of the timeline's facets here.
        if (typed.isPresent() && typed.get() instanceof AgreementDrafted drafted) {
            agreementDrafted(doc, drafted);
        }
        return doc;
    }

    private static Document envelope(ForwardedEvent event) {
        Document doc = new Document();
        doc.add(new StringField(EVENT_ID, event.eventId(), Field.Store.YES));
        doc.add(new StringField(TYPE, event.type(), Field.Store.NO));
        doc.add(new StringField(STREAM_ID, event.streamId(), Field.Store.NO));
        doc.add(new LongPoint(POSITION, event.position()));
        doc.add(new StoredField(POSITION, event.position()));
        doc.add(new NumericDocValuesField(POSITION, event.position()));
        // Milliseconds: enough to bound a search by time, and fits a long for any instant we meet.
        long recordedAt = event.recordedAt().toEpochMilli();
        doc.add(new LongPoint(RECORDED_AT, recordedAt));
        doc.add(new NumericDocValuesField(RECORDED_AT, recordedAt));
        doc.add(new StoredField(EVENT, Json.write(event)));
        return doc;
    }

    private static void agreementDrafted(Document doc, AgreementDrafted drafted) {
        doc.add(new StringField(CONTROLLER_ID, drafted.controller().id().value(), Field.Store.NO));
    }
}
