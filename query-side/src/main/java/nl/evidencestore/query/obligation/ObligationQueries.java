package nl.evidencestore.query.obligation;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
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
import nl.evidencestore.shared.model.AgreementId;

/**
 * Every open deadline of every kind, soonest due first (api.md). An auditor sees those that
 * concern their controllers' agreements, a breach's authority deadline included.
 */
public final class ObligationQueries {
    private final List<ObligationSource> sources;
    private final AgreementControllers controllers;
    private final AppliedPosition applied;
    private final Clock clock;
    private final Duration minPositionWait;

    public ObligationQueries(List<ObligationSource> sources, AgreementControllers controllers, AppliedPosition applied) {
        this(sources, controllers, applied, Clock.systemUTC(), QueryParams.MIN_POSITION_WAIT);
    }

    ObligationQueries(List<ObligationSource> sources, AgreementControllers controllers, AppliedPosition applied,
                      Clock clock, Duration minPositionWait) {
        this.sources = List.copyOf(sources);
        this.controllers = controllers;
        this.applied = applied;
        this.clock = clock;
        this.minPositionWait = minPositionWait;
    }

    public EndpointGroup routes() {
        return () -> get("/api/v1/obligations", this::list, Role.SECURITY, Role.AUDITOR, Role.ADMIN);
    }

    /** {@code overdue=true}: only those whose due instant has passed. */
    private void list(Context ctx) {
        AgreementScope scope = new AgreementScope(Principal.of(ctx), controllers);
        Optional<Boolean> overdue = QueryFilters.bool(ctx, "overdue");
        Optional<AgreementId> agreement = QueryFilters.agreementId(ctx, "agreementId");
        QueryParams.awaitMinPosition(ctx, applied, minPositionWait);
        if (agreement.isPresent() && !scope.sees(agreement.get())) {
            throw new UnknownResource("no such agreement");
        }
        long position = applied.current();
        ctx.json(new ObligationList(open(clock.instant(), scope, overdue, agreement), position));
    }

    List<Obligation> open(Instant now, AgreementScope scope, Optional<Boolean> overdue, Optional<AgreementId> agreement) {
        return sources.stream()
                .flatMap(source -> source.openObligations(now).stream())
                .filter(open -> open.concerns().stream().anyMatch(scope::sees))
                .filter(open -> agreement.map(open.concerns()::contains).orElse(true))
                .map(ObligationSource.Open::obligation)
                .filter(obligation -> overdue.map(wanted -> obligation.overdue() == wanted).orElse(true))
                .sorted(Comparator.comparing(Obligation::dueAt).thenComparing(Obligation::kind))
                .toList();
    }
}
