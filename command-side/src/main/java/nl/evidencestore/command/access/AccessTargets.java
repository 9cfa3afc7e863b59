package nl.evidencestore.command.access;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds the agreement a command is for. A batch of accesses sends one command per agreement,
 * and Axon's annotation resolver looked for the target's annotations by reflection on every
 * one of them; a {@link RecordAccesses} names its agreement directly. Every other command is
 * left to that resolver, and the answer is the same (no command of the store carries a version).
 */
public final class AccessTargets implements CommandTargetResolver {
    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof RecordAccesses accesses) {
            return new VersionedAggregateIdentifier((Object) accesses.agreementId(), null);
        }
        return annotated.resolveTarget(command);
    }
}
