package nl.evidencestore.command.agreement;

import java.util.Optional;
import java.util.function.Predicate;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;

/** {@link KnownAgreements} for aggregate tests: the agreements a predicate accepts, all of one controller. */
public final class AgreementsKnown implements KnownAgreements {
    public static final ControllerId CONTROLLER = ControllerId.of("ctrl-test");

    private final Predicate<AgreementId> known;

    private AgreementsKnown(Predicate<AgreementId> known) {
        this.known = known;
    }

    public static KnownAgreements allBut(AgreementId unknown) {
        return new AgreementsKnown(agreement -> !agreement.equals(unknown));
    }

    public static KnownAgreements only(AgreementId agreementId) {
        return new AgreementsKnown(agreementId::equals);
    }

    @Override
    public boolean exists(AgreementId agreementId) {
        return known.test(agreementId);
    }

    @Override
    public Optional<ControllerId> controllerOf(AgreementId agreementId) {
        return exists(agreementId) ? Optional.of(CONTROLLER) : Optional.empty();
    }
}
