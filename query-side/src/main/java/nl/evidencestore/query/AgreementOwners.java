package nl.evidencestore.query;

import io.javalin.http.Context;
import java.util.Optional;
import nl.evidencestore.shared.error.UnknownResource;
import nl.evidencestore.shared.http.Principal;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;

/**
 * Which controller an agreement belongs to, so that views of an agreement's facts are scoped
 * as the agreement is: an auditor asking about another controller's agreement gets 404.
 */
@FunctionalInterface
public interface AgreementOwners {
    Optional<ControllerId> controllerOf(AgreementId agreementId);

    /** The path's agreement, when it exists and the caller may see it; otherwise 404, as if it did not exist. */
    default AgreementId visibleAgreement(Context ctx) {
        Principal principal = Principal.of(ctx);
        try {
            AgreementId id = AgreementId.of(ctx.pathParam("agreementId"));
            if (controllerOf(id).filter(principal::maySee).isPresent()) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // an id that cannot be valid names no agreement
        }
        throw new UnknownResource("no such agreement");
    }
}
