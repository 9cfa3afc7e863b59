package nl.evidencestore.query.timeline;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.QueryFilters;
import nl.evidencestore.query.QueryParams;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.http.Principal;
import nl.evidencestore.shared.http.Role;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.subject.SubjectRefs;

/** {@code GET /api/v1/timeline} (api.md, Timeline search): reads the parameters, the search does the rest. */
public final class TimelineEndpoints {
    /** A filter value longer than any id or token the store accepts matches nothing anyway. */
    private static final int MAX_VALUE_LENGTH = 128;
    private static final int MAX_VALUES = 100;

    private final TimelineSearch search;
    private final AppliedPosition applied;
    private final Duration minPositionWait;

    public TimelineEndpoints(TimelineIndex index, SubjectRefs subjects, AppliedPosition applied) {
        this(new TimelineSearch(index, subjects), applied, QueryParams.MIN_POSITION_WAIT);
    }

    TimelineEndpoints(TimelineSearch search, AppliedPosition applied, Duration minPositionWait) {
        this.search = search;
        this.applied = applied;
        this.minPositionWait = minPositionWait;
    }

    public EndpointGroup routes() {
        return () -> get("/api/v1/timeline", this::timeline, Role.SECURITY, Role.AUDITOR, Role.ADMIN);
    }

    private void timeline(Context ctx) {
        Principal principal = Principal.of(ctx);
        TimelineQuery query = query(ctx);
        if (principal.scopedToControllers()) {
            query = query.scopedTo(principal.controllers());
        }
        QueryParams.awaitMinPosition(ctx, applied, minPositionWait);
        ctx.json(search.search(query));
    }

    private static TimelineQuery query(Context ctx) {
        TimelineQuery query = TimelineQuery.all().withFilters(values(ctx, "agreementId"), values(ctx, "controllerId"),
                values(ctx, "actor"), values(ctx, "category"), values(ctx, "purpose"), verdicts(ctx));
        String q = ctx.queryParam("q");
        if (q != null) {
            query = query.withText(q);
        }
        Optional<Boolean> sensitive = QueryFilters.bool(ctx, "sensitive");
        if (sensitive.isPresent()) {
            query = query.withSensitive(sensitive.get());
        }
        query = query.withWindow(QueryParams.instant(ctx, "from"), QueryParams.instant(ctx, "to"));
        String cursor = ctx.queryParam("cursor");
        return query.withPage(limit(ctx), Optional.ofNullable(cursor).map(TimelineCursor::decode));
    }

    private static List<String> values(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > MAX_VALUES || values.stream().anyMatch(v -> v.isEmpty() || v.length() > MAX_VALUE_LENGTH)) {
            throw new InvalidInput(name, "at most " + MAX_VALUES + " values of 1 to " + MAX_VALUE_LENGTH + " characters");
        }
        return values;
    }

    private static List<String> verdicts(Context ctx) {
        List<String> values = ctx.queryParams("verdict");
        for (String value : values) {
            try {
                Verdict.Outcome.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("verdict", "must be COMPLIANT or VIOLATION");
            }
        }
        return values;
    }

    private static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null) {
            return TimelineQuery.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= TimelineQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw new InvalidInput("limit", "must be a whole number from 1 to " + TimelineQuery.MAX_LIMIT);
    }
}
