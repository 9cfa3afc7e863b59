package nl.evidencestore.command.agreement;

import nl.evidencestore.shared.model.AgreementId;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Whether an agreement was drafted, for commands of other streams that name one (a breach, a
 * subject request). Read from the event store inside the command's own transaction, so the
 * answer is consistent with the append, never a lagging projection. Command handlers get it as
 * a parameter (an Axon component).
 */
@FunctionalInterface
public interface KnownAgreements {
    boolean exists(AgreementId agreementId);

    /** An agreement exists once its stream holds an event: the first one is always its draft. */
    static KnownAgreements in(EventStore eventStore) {
        return agreementId -> eventStore.lastSequenceNumberFor(agreementId.value()).isPresent();
    }
}
