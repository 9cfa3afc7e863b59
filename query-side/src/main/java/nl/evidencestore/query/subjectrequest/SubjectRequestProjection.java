package nl.evidencestore.query.subjectrequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.Events;
import nl.evidencestore.query.Projection;
import nl.evidencestore.query.Streams;
import nl.evidencestore.query.agreement.AgreementControllers;
import nl.evidencestore.query.obligation.DeadlineState;
import nl.evidencestore.query.obligation.Obligation;
import nl.evidencestore.query.obligation.ObligationKind;
import nl.evidencestore.query.obligation.ObligationSource;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestEvent;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestReceived;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.SubjectRequestId;

/**
 * Every request's events in memory, folded on demand as of now. The sealed subject reference is
 * dropped as events arrive, all but its key id: no view shows the reference, so this projection
 * never holds it, and erasing the subject leaves nothing here to forget. Written by the feed's
 * thread only; read by any number of query threads.
 */
public final class SubjectRequestProjection implements Projection, ObligationSource {
    /** The event types this projection folds: every kind of {@link SubjectRequestEvent}. */
    public static final Set<String> EVENT_TYPES = EventTypes.namesOf(SubjectRequestEvent.class);

    private final AppliedPosition applied;
    private final AgreementControllers controllers;
    private final Streams<SubjectRequestId, SubjectRequestEvent> streams = new Streams<>();
    /** The key id of each request's subject: whether it was erased is asked of the key store when read. */
    private final Map<SubjectRequestId, String> subjectKeys = new ConcurrentHashMap<>();

    public SubjectRequestProjection(AppliedPosition applied, AgreementControllers controllers) {
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
        SubjectRequestEvent decoded = (SubjectRequestEvent) Events.decode(event).orElseThrow();
        if (decoded instanceof SubjectRequestReceived received) {
            subjectKeys.put(received.requestId(), received.subject().keyId());
        }
        streams.add(event.eventId(), decoded.requestId(), event.sequence(), withoutSubject(decoded));
    }

    /** The id of the key that sealed the request's subject reference. */
    public Optional<String> subjectKeyOf(SubjectRequestId id) {
        return Optional.ofNullable(subjectKeys.get(id));
    }

    private static SubjectRequestEvent withoutSubject(SubjectRequestEvent event) {
        if (event instanceof SubjectRequestReceived r) {
            return new SubjectRequestReceived(r.requestId(), r.agreementId(), r.type(), r.receivedBy(), r.receivedOn(),
                    null, r.forwardBy(), r.answerBy());
        }
        return event;
    }

    public Optional<SubjectRequestView> request(SubjectRequestId id, Instant now) {
        // Read the position first: the streams read next reflect at least that much.
        long position = applied.current();
        return streams.stream(id).flatMap(events -> fold(events, now, position));
    }

    /** Every request, the most recently received first. */
    public List<SubjectRequestView> requests(Instant now) {
        long position = applied.current();
        return streams.all().stream()
                .flatMap(events -> fold(events, now, position).stream())
                .sorted(Comparator.comparing(SubjectRequestView::receivedOn).reversed()
                        .thenComparing(view -> view.requestId().value()))
                .toList();
    }

    @Override
    public List<Open> openObligations(Instant now) {
        List<Open> open = new ArrayList<>();
        for (SubjectRequestView request : requests(now)) {
            if (request.forwarding() != null && request.forwarding().state() == DeadlineState.OPEN) {
                open.add(new Open(new Obligation(ObligationKind.SUBJECT_REQUEST_FORWARDING,
                        request.forwarding().dueAt(), request.forwarding().overdue(),
                        request.forwarding().overdueRecorded(), request.agreementId(), request.controllerId(), null,
                        request.requestId()), Set.of(request.agreementId())));
            }
            if (request.answer().state() == DeadlineState.OPEN) {
                open.add(new Open(new Obligation(ObligationKind.SUBJECT_REQUEST_ANSWER, request.answer().dueAt(),
                        request.answer().overdue(), request.answer().overdueRecorded(), request.agreementId(),
                        request.controllerId(), null, request.requestId()), Set.of(request.agreementId())));
            }
        }
        return open;
    }

    private Optional<SubjectRequestView> fold(List<SubjectRequestEvent> events, Instant now, long position) {
        SubjectRequestFold fold = new SubjectRequestFold();
        events.forEach(fold::apply);
        return fold.view(now, controllers, position);
    }
}
