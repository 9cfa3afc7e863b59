package nl.evidencestore.query.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.evidencestore.shared.model.ControllerId;

/**
 * One timeline search: free text, filters (OR within a field, AND across), an occurredAt window,
 * a page. {@code visibleControllers} is empty for callers who see every controller, and holds
 * an auditor's controllers otherwise: the search then adds them as a mandatory clause.
 */
public record TimelineQuery(Optional<String> text, List<String> agreementIds, List<String> controllerIds,
                            List<String> actors, List<String> categories, List<String> purposes,
                            List<String> verdicts, Optional<Boolean> sensitive, Optional<Instant> from,
                            Optional<Instant> to, int limit, Optional<TimelineCursor> cursor,
                            Optional<Set<ControllerId>> visibleControllers) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1_000;

    public TimelineQuery {
        agreementIds = List.copyOf(agreementIds);
        controllerIds = List.copyOf(controllerIds);
        actors = List.copyOf(actors);
        categories = List.copyOf(categories);
        purposes = List.copyOf(purposes);
        verdicts = List.copyOf(verdicts);
        visibleControllers = visibleControllers.map(Set::copyOf);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
    }

    /** Everything, newest first, as seen by a caller who sees every controller. */
    public static TimelineQuery all() {
        return new TimelineQuery(Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT, Optional.empty(), Optional.empty());
    }

    public TimelineQuery withText(String q) {
        return new TimelineQuery(Optional.of(q), agreementIds, controllerIds, actors, categories, purposes, verdicts,
                sensitive, from, to, limit, cursor, visibleControllers);
    }

    public TimelineQuery withFilters(List<String> agreementIds, List<String> controllerIds, List<String> actors,
                                     List<String> categories, List<String> purposes, List<String> verdicts) {
        return new TimelineQuery(text, agreementIds, controllerIds, actors, categories, purposes, verdicts,
                sensitive, from, to, limit, cursor, visibleControllers);
    }

    public TimelineQuery withSensitive(boolean value) {
        return new TimelineQuery(text, agreementIds, controllerIds, actors, categories, purposes, verdicts,
                Optional.of(value), from, to, limit, cursor, visibleControllers);
    }

    public TimelineQuery withWindow(Optional<Instant> from, Optional<Instant> to) {
        return new TimelineQuery(text, agreementIds, controllerIds, actors, categories, purposes, verdicts,
                sensitive, from, to, limit, cursor, visibleControllers);
    }

    public TimelineQuery withPage(int limit, Optional<TimelineCursor> cursor) {
        return new TimelineQuery(text, agreementIds, controllerIds, actors, categories, purposes, verdicts,
                sensitive, from, to, limit, cursor, visibleControllers);
    }

    public TimelineQuery scopedTo(Set<ControllerId> controllers) {
        return new TimelineQuery(text, agreementIds, controllerIds, actors, categories, purposes, verdicts,
                sensitive, from, to, limit, cursor, Optional.of(controllers));
    }
}
