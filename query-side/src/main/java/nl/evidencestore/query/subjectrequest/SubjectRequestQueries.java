package nl.evidencestore.query.subjectrequest;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.QueryFilters;
import nl.evidencestore.query.QueryParams;
import nl.evidencestore.query.agreement.AgreementControllers;
import nl.evidencestore.query.agreement.AgreementScope;
import nl.evidencestore.shared.error.UnknownResource;
import nl.evidencestore.shared.http.Principal;
import nl.evidencestore.shared.http.Role;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.subject.SubjectRefs;

/**
 * The subject-request queries. Auditors see the requests under their controllers' agreements;
 * naming another agreement is answered as if it did not exist. Whether a request's subject was
 * erased is read from the key store with each answer (one look-up for a whole list).
 */
public final class SubjectRequestQueries {
    private final SubjectRequestProjection requests;
    private final AgreementControllers controllers;
    private final AppliedPosition applied;
    private final SubjectRefs subjects;
    private final Clock clock;
    private final Duration minPositionWait;

    public SubjectRequestQueries(SubjectRequestProjection requests, AgreementControllers controllers,
                                 AppliedPosition applied, SubjectRefs subjects) {
        this(requests, controllers, applied, subjects, Clock.systemUTC(), QueryParams.MIN_POSITION_WAIT);
    }

    SubjectRequestQueries(SubjectRequestProjection requests, AgreementControllers controllers, AppliedPosition applied,
                          SubjectRefs subjects, Clock clock, Duration minPositionWait) {
        this.requests = requests;
        this.controllers = controllers;
        this.applied = applied;
        this.subjects = subjects;
        this.clock = clock;
        this.minPositionWait = minPositionWait;
    }

    public EndpointGroup routes() {
        return () -> {
            get("/api/v1/subject-requests", this::list, Role.SECURITY, Role.AUDITOR, Role.ADMIN);
            get("/api/v1/subject-requests/{requestId}", this::one, Role.SECURITY, Role.AUDITOR, Role.ADMIN);
        };
    }

    private void one(Context ctx) {
        AgreementScope scope = new AgreementScope(Principal.of(ctx), controllers);
        QueryParams.awaitMinPosition(ctx, applied, minPositionWait);
        SubjectRequestView request = requestId(ctx.pathParam("requestId"))
                .flatMap(id -> requests.request(id, clock.instant()))
                .filter(found -> scope.sees(found.agreementId()))
                .orElseThrow(() -> new UnknownResource("no such subject request"));
        ctx.json(markErased(List.of(request)).get(0));
    }

    /** {@code overdue=true}: requests with a deadline that is still open and has passed. */
    private void list(Context ctx) {
        AgreementScope scope = new AgreementScope(Principal.of(ctx), controllers);
        Optional<AgreementId> agreement = QueryFilters.agreementId(ctx, "agreementId");
        Optional<Boolean> overdue = QueryFilters.bool(ctx, "overdue");
        QueryParams.awaitMinPosition(ctx, applied, minPositionWait);
        if (agreement.isPresent() && !scope.sees(agreement.get())) {
            throw new UnknownResource("no such agreement");
        }
        long position = applied.current();
        List<SubjectRequestView> items = requests.requests(clock.instant()).stream()
                .filter(request -> scope.sees(request.agreementId()))
                .filter(request -> agreement.map(request.agreementId()::equals).orElse(true))
                .filter(request -> overdue.map(wanted -> request.overdue() == wanted).orElse(true))
                .toList();
        ctx.json(new SubjectRequestList(markErased(items), position));
    }

    private List<SubjectRequestView> markErased(List<SubjectRequestView> views) {
        Set<String> erased = subjects.erased(views.stream()
                .flatMap(view -> requests.subjectKeyOf(view.requestId()).stream()).toList());
        return views.stream().map(view -> requests.subjectKeyOf(view.requestId()).filter(erased::contains).isPresent()
                ? view.withSubjectErased() : view).toList();
    }

    /** An id that cannot be valid names no request: 404, like any other unknown id. */
    private static Optional<SubjectRequestId> requestId(String value) {
        try {
            return Optional.of(SubjectRequestId.of(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
