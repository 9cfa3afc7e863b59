package nl.evidencestore.query.breach;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.QueryFilters;
import nl.evidencestore.query.QueryParams;
import nl.evidencestore.query.agreement.AgreementControllers;
import nl.evidencestore.query.agreement.AgreementScope;
import nl.evidencestore.shared.error.UnknownResource;
import nl.evidencestore.shared.http.Principal;
import nl.evidencestore.shared.http.Role;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.BreachStatus;

/**
 * The breach queries (api.md). An auditor sees a breach only through the agreements of their
 * controllers, and never the ids of the other agreements it touches; a breach that touches none
 * of theirs does not exist for them.
 */
public final class BreachQueries {
    private final BreachProjection breaches;
    private final AgreementControllers controllers;
    private final AppliedPosition applied;
    private final Clock clock;
    private final Duration minPositionWait;

    public BreachQueries(BreachProjection breaches, AgreementControllers controllers, AppliedPosition applied) {
        this(breaches, controllers, applied, Clock.systemUTC(), QueryParams.MIN_POSITION_WAIT);
    }

    BreachQueries(BreachProjection breaches, AgreementControllers controllers, AppliedPosition applied, Clock clock,
                  Duration minPositionWait) {
        this.breaches = breaches;
        this.controllers = controllers;
        this.applied = applied;
        this.clock = clock;
        this.minPositionWait = minPositionWait;
    }

    public EndpointGroup routes() {
        return () -> {
            get("/api/v1/breaches", this::list, Role.SECURITY, Role.AUDITOR, Role.ADMIN);
            get("/api/v1/breaches/{breachId}", this::one, Role.SECURITY, Role.AUDITOR, Role.ADMIN);
        };
    }

    private void one(Context ctx) {
        AgreementScope scope = new AgreementScope(Principal.of(ctx), controllers);
        QueryParams.awaitMinPosition(ctx, applied, minPositionWait);
        BreachView breach = breachId(ctx.pathParam("breachId"))
                .flatMap(id -> breaches.breach(id, clock.instant()))
                .filter(found -> found.affectsAny(scope::sees))
                .orElseThrow(() -> new UnknownResource("no such breach"));
        ctx.json(breach.scopedTo(scope::sees));
    }

    /** {@code overdue=true}: breaches with a deadline that is still open and has passed. */
    private void list(Context ctx) {
        AgreementScope scope = new AgreementScope(Principal.of(ctx), controllers);
        Optional<BreachStatus> status = QueryFilters.oneOf(ctx, "status", BreachStatus.class);
        Optional<Boolean> overdue = QueryFilters.bool(ctx, "overdue");
        QueryParams.awaitMinPosition(ctx, applied, minPositionWait);
        long position = applied.current();
        Instant now = clock.instant();
        List<BreachView> items = breaches.breaches(now).stream()
                .filter(breach -> breach.affectsAny(scope::sees))
                .map(breach -> breach.scopedTo(scope::sees))
                .filter(breach -> status.map(breach.status()::equals).orElse(true))
                .filter(breach -> overdue.map(wanted -> breach.overdue() == wanted).orElse(true))
                .toList();
        ctx.json(new BreachList(items, position));
    }

    /** An id that cannot be valid names no breach: 404, like any other unknown id. */
    private static Optional<BreachId> breachId(String value) {
        try {
            return Optional.of(BreachId.of(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
