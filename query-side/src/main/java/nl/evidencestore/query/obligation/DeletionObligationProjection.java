package nl.evidencestore.query.obligation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.evidencestore.query.Events;
import nl.evidencestore.query.Projection;
import nl.evidencestore.query.agreement.AgreementControllers;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.agreement.DeletionObligationFulfilled;
import nl.evidencestore.shared.event.agreement.DeletionObligationOpened;
import nl.evidencestore.shared.event.agreement.DeletionOverdue;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.AgreementId;

/**
 * Art. 11.2: the deletion obligation of each ended agreement, open from its opening until it is
 * fulfilled. A later opening (a location added, a retention hold ending) replaces the due instant.
 */
public final class DeletionObligationProjection implements Projection, ObligationSource {
    public static final Set<String> EVENT_TYPES = Set.of(EventTypes.nameOf(DeletionObligationOpened.class),
            EventTypes.nameOf(DeletionObligationFulfilled.class), EventTypes.nameOf(DeletionOverdue.class));

    private record Deletion(Instant dueAt, boolean overdueRecorded) {
    }

    private final AgreementControllers controllers;
    private final Map<AgreementId, Deletion> open = new ConcurrentHashMap<>();

    public DeletionObligationProjection(AgreementControllers controllers) {
        this.controllers = controllers;
    }

    /** Refills the projection from the index at start-up, before the feed resumes. */
    public void reloadFrom(TimelineIndex index) {
        index.storedEventsOfType(EVENT_TYPES).forEach(this::on);
    }

    /** Idempotent as it is: applying an event again leaves the same state, in stream order. */
    @Override
    public void on(ForwardedEvent event) {
        if (!EVENT_TYPES.contains(event.type())) {
            return;
        }
        EvidenceEvent decoded = Events.decode(event).orElseThrow();
        if (decoded instanceof DeletionObligationOpened e) {
            open.put(e.agreementId(), new Deletion(e.dueAt(), false));
        } else if (decoded instanceof DeletionOverdue e) {
            open.computeIfPresent(e.agreementId(), (id, deletion) -> deletion.dueAt().equals(e.dueAt())
                    ? new Deletion(deletion.dueAt(), true) : deletion);
        } else if (decoded instanceof DeletionObligationFulfilled e) {
            open.remove(e.agreementId());
        }
    }

    @Override
    public List<Open> openObligations(Instant now) {
        return open.entrySet().stream()
                .map(entry -> new Open(new Obligation(ObligationKind.DELETION, entry.getValue().dueAt(),
                        !now.isBefore(entry.getValue().dueAt()), entry.getValue().overdueRecorded(), entry.getKey(),
                        controllers.controllerOf(entry.getKey()).orElse(null), null, null), Set.of(entry.getKey())))
                .toList();
    }
}
