package nl.evidencestore.query.breach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.Events;
import nl.evidencestore.query.Projection;
import nl.evidencestore.query.Streams;
import nl.evidencestore.query.agreement.AgreementControllers;
import nl.evidencestore.query.breach.BreachView.NotificationDeadline;
import nl.evidencestore.query.obligation.Obligation;
import nl.evidencestore.query.obligation.ObligationKind;
import nl.evidencestore.query.obligation.ObligationSource;
import nl.evidencestore.query.obligation.DeadlineState;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.breach.BreachEvent;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachId;

/**
 * Every breach's events in memory, folded on demand as of now, so that a deadline passes in
 * the view at its instant even before the store's overdue fact arrives. Written by the feed's
 * thread only; read by any number of query threads.
 */
public final class BreachProjection implements Projection, ObligationSource {
    /** The event types this projection folds: every kind of {@link BreachEvent}. */
    public static final Set<String> EVENT_TYPES = EventTypes.namesOf(BreachEvent.class);

    private final AppliedPosition applied;
    private final AgreementControllers controllers;
    private final Streams<BreachId, BreachEvent> streams = new Streams<>();

    public BreachProjection(AppliedPosition applied, AgreementControllers controllers) {
        this.applied = applied;
        this.controllers = controllers;
    }

    /** Refills the projection from the index at start-up, before the feed resumes. */
    public void reloadFrom(TimelineIndex index) {
        index.storedEventsOfType(EVENT_TYPES).forEach(this::on);
    }

    @Override
    public void on(ForwardedEvent event) {
        if (!EVENT_TYPES.contains(event.type()) || streams.seen(event.eventId())) {
            return;
        }
        BreachEvent breachEvent = (BreachEvent) Events.decode(event).orElseThrow();
        streams.add(event.eventId(), breachEvent.breachId(), event.sequence(), breachEvent);
    }

    public Optional<BreachView> breach(BreachId id, Instant now) {
        // Read the position first: the streams read next reflect at least that much.
        long position = applied.current();
        return streams.stream(id).flatMap(events -> fold(events, now, position));
    }

    /** Every breach, the most recently discovered first. */
    public List<BreachView> breaches(Instant now) {
        long position = applied.current();
        return streams.all().stream()
                .flatMap(events -> fold(events, now, position).stream())
                .sorted(Comparator.comparing(BreachView::discoveredAt).reversed()
                        .thenComparing(view -> view.breachId().value()))
                .toList();
    }

    @Override
    public List<Open> openObligations(Instant now) {
        List<Open> open = new ArrayList<>();
        for (BreachView breach : breaches(now)) {
            Set<AgreementId> affected = new HashSet<>();
            for (NotificationDeadline deadline : breach.agreements()) {
                affected.add(deadline.agreementId());
                if (deadline.state() == DeadlineState.OPEN) {
                    open.add(new Open(obligation(ObligationKind.BREACH_CONTROLLER_NOTIFICATION, breach, deadline),
                            Set.of(deadline.agreementId())));
                }
            }
            if (breach.authority().state() == DeadlineState.OPEN) {
                open.add(new Open(obligation(ObligationKind.BREACH_AUTHORITY_NOTIFICATION, breach, breach.authority()),
                        Set.copyOf(affected)));
            }
        }
        return open;
    }

    private static Obligation obligation(ObligationKind kind, BreachView breach, NotificationDeadline deadline) {
        return new Obligation(kind, deadline.dueAt(), deadline.overdue(), deadline.overdueRecorded(),
                deadline.agreementId(), deadline.controllerId(), breach.breachId(), null);
    }

    private Optional<BreachView> fold(List<BreachEvent> events, Instant now, long position) {
        BreachFold fold = new BreachFold();
        events.forEach(fold::apply);
        return fold.view(now, controllers, position);
    }
}
