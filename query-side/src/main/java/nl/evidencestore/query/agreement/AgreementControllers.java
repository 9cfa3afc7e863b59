package nl.evidencestore.query.agreement;

import java.util.Optional;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;

/**
 * Whose data an agreement concerns: the controller it was drafted with, which never changes.
 * Views of other streams (breaches, subject requests) scope auditors by it.
 */
@FunctionalInterface
public interface AgreementControllers {
    Optional<ControllerId> controllerOf(AgreementId agreementId);

    static AgreementControllers of(AgreementStateProjection agreements) {
        return agreements::controllerOf;
    }
}
