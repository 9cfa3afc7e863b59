package nl.evidencestore.query.audit;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import nl.evidencestore.query.AgreementOwners;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.QueryParams;
import nl.evidencestore.shared.http.Role;
import nl.evidencestore.shared.model.AgreementId;

/** An agreement's audits (Art. 9), scoped like the agreement: auditors see their controllers' only. */
public final class AuditQueries {
    record AuditList(AgreementId agreementId, List<AuditProjection.Audit> items, long position) {
    }

    private final AuditProjection audits;
    private final AgreementOwners owners;
    private final AppliedPosition applied;
    private final Duration minPositionWait;

    public AuditQueries(AuditProjection audits, AgreementOwners owners, AppliedPosition applied) {
        this(audits, owners, applied, QueryParams.MIN_POSITION_WAIT);
    }

    AuditQueries(AuditProjection audits, AgreementOwners owners, AppliedPosition applied, Duration minPositionWait) {
        this.audits = audits;
        this.owners = owners;
        this.applied = applied;
        this.minPositionWait = minPositionWait;
    }

    public EndpointGroup routes() {
        return () -> get("/api/v1/agreements/{agreementId}/audits", this::list, Role.SECURITY, Role.AUDITOR, Role.ADMIN);
    }

    private void list(Context ctx) {
        QueryParams.awaitMinPosition(ctx, applied, minPositionWait);
        long position = applied.current();
        AgreementId agreementId = owners.visibleAgreement(ctx);
        ctx.json(new AuditList(agreementId, audits.of(agreementId), position));
    }
}
