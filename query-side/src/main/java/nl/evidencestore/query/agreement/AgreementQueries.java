package nl.evidencestore.query.agreement;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.QueryParams;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.error.UnknownResource;
import nl.evidencestore.shared.http.Principal;
import nl.evidencestore.shared.http.Role;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;

/**
 * The agreement queries (api.md). Auditors see only their controllers' agreements; anything
 * else is answered as if it did not exist.
 */
public final class AgreementQueries {
    private final AgreementStateProjection agreements;
    private final AppliedPosition applied;
    private final Clock clock;
    private final Duration minPositionWait;

    public AgreementQueries(AgreementStateProjection agreements, AppliedPosition applied) {
        this(agreements, applied, Clock.systemUTC(), QueryParams.MIN_POSITION_WAIT);
    }

    AgreementQueries(AgreementStateProjection agreements, AppliedPosition applied, Clock clock,
                     Duration minPositionWait) {
        this.agreements = agreements;
        this.applied = applied;
        this.clock = clock;
        this.minPositionWait = minPositionWait;
    }

    public EndpointGroup routes() {
        return () -> {
            get("/api/v1/agreements", this::list, Role.SECURITY, Role.AUDITOR, Role.ADMIN);
            get("/api/v1/agreements/{agreementId}", this::one, Role.SECURITY, Role.AUDITOR, Role.ADMIN);
        };
    }

    /** {@code asOf} is valid time (default now), {@code knownAt} transaction time (default: all recorded). */
    private void one(Context ctx) {
        Principal principal = Principal.of(ctx);
        Instant asOf = QueryParams.instant(ctx, "asOf").orElseGet(clock::instant);
        Instant knownAt = QueryParams.instant(ctx, "knownAt").orElse(null);
        QueryParams.awaitMinPosition(ctx, applied, minPositionWait);
        AgreementState state = agreementId(ctx.pathParam("agreementId"))
                .flatMap(id -> agreements.asOf(id, asOf, knownAt))
                .filter(found -> principal.maySee(found.controller().id()))
                .orElseThrow(() -> new UnknownResource("no such agreement"));
        ctx.json(state);
    }

    private void list(Context ctx) {
        Principal principal = Principal.of(ctx);
        Optional<ControllerId> controller = controllerId(ctx.queryParam("controllerId"));
        if (controller.isPresent() && !principal.maySee(controller.get())) {
            throw new UnknownResource("no such controller");
        }
        QueryParams.awaitMinPosition(ctx, applied, minPositionWait);
        long position = applied.current();
        List<AgreementSummary> items = agreements.list(controller).stream()
                .filter(summary -> principal.maySee(summary.controllerId()))
                .toList();
        ctx.json(new AgreementList(items, position));
    }

    /** An id that cannot be valid names no agreement: 404, like any other unknown id. */
    private static Optional<AgreementId> agreementId(String value) {
        try {
            return Optional.of(AgreementId.of(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<ControllerId> controllerId(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ControllerId.of(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("controllerId", "must be a controller id: 1-128 letters, digits, '.', '_', ':' or '-'");
        }
    }
}
