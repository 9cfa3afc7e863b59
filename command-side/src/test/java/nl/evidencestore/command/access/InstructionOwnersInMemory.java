package nl.evidencestore.command.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.model.AgreementId;

/**
 * {@link InstructionOwners} for aggregate tests: the registrations it was told of, and the
 * questions it was asked. The table behind the real one is tested against PostgreSQL in infra.
 */
public final class InstructionOwnersInMemory implements InstructionOwners {
    private final List<InstructionRegistered> registered = new ArrayList<>();
    private final List<Collection<String>> asked = new ArrayList<>();

    /** As if another agreement's command had registered it. */
    public InstructionOwnersInMemory with(InstructionRegistered registration) {
        registered.add(registration);
        return this;
    }

    @Override
    public void record(InstructionRegistered registration) {
        registered.add(registration);
    }

    @Override
    public Set<String> ofOtherAgreements(AgreementId agreementId, Collection<String> instructionIds) {
        asked.add(List.copyOf(instructionIds));
        return registered.stream().filter(r -> !r.agreementId().equals(agreementId))
                .map(InstructionRegistered::instructionId).filter(instructionIds::contains).collect(Collectors.toSet());
    }

    public List<InstructionRegistered> registered() {
        return List.copyOf(registered);
    }

    public List<Collection<String>> asked() {
        return List.copyOf(asked);
    }
}
