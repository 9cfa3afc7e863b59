package nl.evidencestore.command.agreement;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;

/**
 * An agreement's controller, read from its draft once: a controller never changes, and the
 * access path asks on every batch. An agreement not drafted yet is asked about again next time.
 */
public final class AgreementControllers implements Function<AgreementId, Optional<ControllerId>> {
    private final Function<AgreementId, Optional<ControllerId>> read;
    private final Map<AgreementId, ControllerId> known = new ConcurrentHashMap<>();

    public AgreementControllers(KnownAgreements agreements) {
        this(agreements::controllerOf);
    }

    AgreementControllers(Function<AgreementId, Optional<ControllerId>> read) {
        this.read = read;
    }

    @Override
    public Optional<ControllerId> apply(AgreementId agreementId) {
        ControllerId controller = known.get(agreementId);
        if (controller != null) {
            return Optional.of(controller);
        }
        Optional<ControllerId> found = read.apply(agreementId);
        found.ifPresent(id -> known.put(agreementId, id));
        return found;
    }
}
