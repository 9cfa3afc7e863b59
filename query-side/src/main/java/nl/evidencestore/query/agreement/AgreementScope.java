package nl.evidencestore.query.agreement;

import nl.evidencestore.shared.http.Principal;
import nl.evidencestore.shared.model.AgreementId;

/**
 * Which agreements a caller may see: all of them for security staff and admins; for an auditor
 * only those of their controllers, and none whose controller is not known yet.
 */
public record AgreementScope(Principal principal, AgreementControllers controllers) {
    public boolean sees(AgreementId agreementId) {
        if (!principal.scopedToControllers()) {
            return true;
        }
        return controllers.controllerOf(agreementId).map(principal::maySee).orElse(false);
    }
}
