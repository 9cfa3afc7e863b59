package nl.evidencestore.query.employee;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.QueryParams;
import nl.evidencestore.shared.http.Role;

/**
 * The employee register (Art. 2.3). The employees are the processor's, and their names its
 * staff's personal data: security staff and admins read it, auditors do not.
 */
public final class EmployeeQueries {
    /** The register, as of a valid-time instant, reflecting every event up to {@code position}. */
    record EmployeeList(List<EmployeeEntry> items, Instant asOf, long position) {
    }

    private final EmployeeRegisterProjection employees;
    private final AppliedPosition applied;
    private final Clock clock;
    private final Duration minPositionWait;

    public EmployeeQueries(EmployeeRegisterProjection employees, AppliedPosition applied) {
        this(employees, applied, Clock.systemUTC(), QueryParams.MIN_POSITION_WAIT);
    }

    EmployeeQueries(EmployeeRegisterProjection employees, AppliedPosition applied, Clock clock, Duration minPositionWait) {
        this.employees = employees;
        this.applied = applied;
        this.clock = clock;
        this.minPositionWait = minPositionWait;
    }

    public EndpointGroup routes() {
        return () -> get("/api/v1/employees", this::list, Role.SECURITY, Role.ADMIN);
    }

    private void list(Context ctx) {
        Instant asOf = QueryParams.instant(ctx, "asOf").orElseGet(clock::instant);
        QueryParams.awaitMinPosition(ctx, applied, minPositionWait);
        long position = applied.current();
        ctx.json(new EmployeeList(employees.asOf(asOf), asOf, position));
    }
}
