package nl.evidencestore.query.agreement;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.Events;
import nl.evidencestore.query.Projection;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;

/**
 * Every agreement's history in memory, folded on demand as of any instant (Art. 11.1,
 * bitemporal). Written by the feed's thread only; read by any number of query threads.
 */
public final class AgreementStateProjection implements Projection {
    /** The event types this projection folds: every kind of {@link AgreementEvent}. */
    public static final Set<String> EVENT_TYPES = EventTypes.namesOf(AgreementEvent.class);

    private final AppliedPosition applied;
    private final Clock clock;
    private final Map<AgreementId, AgreementHistory> histories = new ConcurrentHashMap<>();
    private final Set<String> seenEventIds = ConcurrentHashMap.newKeySet();
    /** Who each agreement belongs to, from its draft: every auditor check asks, so it is a lookup, not a fold. */
    private final Map<AgreementId, ControllerId> controllers = new ConcurrentHashMap<>();

    public AgreementStateProjection(AppliedPosition applied) {
        this(applied, Clock.systemUTC());
    }

    AgreementStateProjection(AppliedPosition applied, Clock clock) {
        this.applied = applied;
        this.clock = clock;
    }

    /** Refills the projection from the index at start-up, before the feed resumes. */
    public void reloadFrom(TimelineIndex index) {
        index.storedEventsOfType(EVENT_TYPES).forEach(this::on);
    }

    @Override
    public void on(ForwardedEvent event) {
        if (!EVENT_TYPES.contains(event.type()) || seenEventIds.contains(event.eventId())) {
            return;
        }
        AgreementEvent agreementEvent = (AgreementEvent) Events.decode(event).orElseThrow();
        if (agreementEvent instanceof AgreementDrafted drafted) {
            controllers.put(drafted.agreementId(), drafted.controller().id());
        }
        RecordedFact fact = new RecordedFact(event.eventId(), event.sequence(), event.recordedAt(), agreementEvent);
        histories.merge(agreementEvent.agreementId(), AgreementHistory.EMPTY.with(fact),
                (current, ignored) -> current.with(fact));
        seenEventIds.add(event.eventId());
    }

    /** The controller an agreement belongs to, once its draft has been applied. */
    public Optional<ControllerId> controllerOf(AgreementId id) {
        return Optional.ofNullable(controllers.get(id));
    }

    /** The agreement at {@code asOf} (valid time) as known at {@code knownAtOrNull} (transaction time). */
    public Optional<AgreementState> asOf(AgreementId id, Instant asOf, Instant knownAtOrNull) {
        // Read the position first: the histories read next reflect at least that much.
        long position = applied.current();
        return Optional.ofNullable(histories.get(id)).flatMap(h -> h.asOf(asOf, knownAtOrNull, position));
    }

    /** Every known agreement, or that controller's, with its status as of now. */
    public List<AgreementSummary> list(Optional<ControllerId> controller) {
        Instant now = clock.instant();
        return histories.values().stream()
                .flatMap(h -> h.asOf(now, null, 0).stream())
                .filter(state -> controller.map(state.controller().id()::equals).orElse(true))
                .map(AgreementSummary::of)
                .sorted(Comparator.comparing(summary -> summary.agreementId().value()))
                .toList();
    }
}
