package nl.evidencestore.query.securitymeasure;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.QueryParams;
import nl.evidencestore.shared.http.Role;

/**
 * The security measures (Art. 5). They protect every controller's data alike, and the processor
 * informs controllers of them on request (Art. 2.2): auditors read them all.
 */
public final class SecurityMeasureQueries {
    record MeasureList(List<SecurityMeasureProjection.Measure> items, long position) {
    }

    private final SecurityMeasureProjection measures;
    private final AppliedPosition applied;
    private final Duration minPositionWait;

    public SecurityMeasureQueries(SecurityMeasureProjection measures, AppliedPosition applied) {
        this(measures, applied, QueryParams.MIN_POSITION_WAIT);
    }

    SecurityMeasureQueries(SecurityMeasureProjection measures, AppliedPosition applied, Duration minPositionWait) {
        this.measures = measures;
        this.applied = applied;
        this.minPositionWait = minPositionWait;
    }

    public EndpointGroup routes() {
        return () -> get("/api/v1/security-measures", this::list, Role.SECURITY, Role.AUDITOR, Role.ADMIN);
    }

    private void list(Context ctx) {
        QueryParams.awaitMinPosition(ctx, applied, minPositionWait);
        long position = applied.current();
        ctx.json(new MeasureList(measures.all(), position));
    }
}
