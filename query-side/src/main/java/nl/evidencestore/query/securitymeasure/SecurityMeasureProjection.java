package nl.evidencestore.query.securitymeasure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.evidencestore.query.Events;
import nl.evidencestore.query.Projection;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.securitymeasure.SecurityMeasureEvent;
import nl.evidencestore.shared.event.securitymeasure.SecurityMeasureRecorded;
import nl.evidencestore.shared.kafka.ForwardedEvent;

/** The processor's security measures (Art. 5), one per id. Written by the feed's thread only. */
public final class SecurityMeasureProjection implements Projection {
    public static final Set<String> EVENT_TYPES = EventTypes.namesOf(SecurityMeasureEvent.class);

    /** One measure as recorded, and when the store recorded it. */
    public record Measure(String measureId, String description, LocalDate since, String evidenceReference,
                          Instant recordedAt) {
    }

    private final Map<String, Measure> measures = new ConcurrentHashMap<>();

    public void reloadFrom(TimelineIndex index) {
        index.storedEventsOfType(EVENT_TYPES).forEach(this::on);
    }

    /** A measure's stream holds one event, so a redelivery replaces it with itself. */
    @Override
    public void on(ForwardedEvent event) {
        if (!EVENT_TYPES.contains(event.type())) {
            return;
        }
        if (Events.decode(event).orElseThrow() instanceof SecurityMeasureRecorded recorded) {
            measures.put(recorded.measureId().value(), new Measure(recorded.measureId().value(), recorded.description(),
                    recorded.since(), recorded.evidenceReference(), event.recordedAt()));
        }
    }

    /** Oldest measure first. */
    public List<Measure> all() {
        return measures.values().stream()
                .sorted(Comparator.comparing(Measure::since).thenComparing(Measure::measureId))
                .toList();
    }
}
