package nl.evidencestore.query.disclosure;

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

/** An agreement's disclosures (Art. 8), scoped like the agreement: auditors see their controllers' only. */
public final class DisclosureQueries {
    record DisclosureList(AgreementId agreementId, List<DisclosureProjection.Disclosure> items, long position) {
    }

    private final DisclosureProjection disclosures;
    private final AgreementOwners owners;
    private final AppliedPosition applied;
    private final Duration minPositionWait;

    public DisclosureQueries(DisclosureProjection disclosures, AgreementOwners owners, AppliedPosition applied) {
        this(disclosures, owners, applied, QueryParams.MIN_POSITION_WAIT);
    }

    DisclosureQueries(DisclosureProjection disclosures, AgreementOwners owners, AppliedPosition applied,
                      Duration minPositionWait) {
        this.disclosures = disclosures;
        this.owners = owners;
        this.applied = applied;
        this.minPositionWait = minPositionWait;
    }

    public EndpointGroup routes() {
        return () -> get("/api/v1/agreements/{agreementId}/disclosures", this::list,
                Role.SECURITY, Role.AUDITOR, Role.ADMIN);
    }

    private void list(Context ctx) {
        QueryParams.awaitMinPosition(ctx, applied, minPositionWait);
        long position = applied.current();
        AgreementId agreementId = owners.visibleAgreement(ctx);
        ctx.json(new DisclosureList(agreementId, disclosures.of(agreementId), position));
    }
}
