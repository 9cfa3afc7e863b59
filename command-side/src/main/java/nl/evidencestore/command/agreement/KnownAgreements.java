package nl.evidencestore.command.agreement;

import java.util.Optional;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Whether an agreement was drafted, and for which controller, for commands of other streams
 * that name one (a breach, a subject request). Read from the event store inside the command's
 * own transaction, so the answer is consistent with the append, never a lagging projection.
 * Command handlers get it as a parameter (an Axon component).
 */
public interface KnownAgreements {
    boolean exists(AgreementId agreementId);

    /** The controller whose subjects the agreement's facts concern; empty for an unknown agreement. */
    Optional<ControllerId> controllerOf(AgreementId agreementId);

    /** An agreement exists once its stream holds an event: the first one is always its draft. */
    static KnownAgreements in(EventStore eventStore) {
        return new KnownAgreements() {
            @Override
            public boolean exists(AgreementId agreementId) {
                return eventStore.lastSequenceNumberFor(agreementId.value()).isPresent();
            }

            @Override
            public Optional<ControllerId> controllerOf(AgreementId agreementId) {
                DomainEventStream stream = eventStore.readEvents(agreementId.value(), 0);
                if (!stream.hasNext()) {
                    return Optional.empty();
                }
                DomainEventMessage<?> first = stream.next();
                return first.getPayload() instanceof AgreementDrafted drafted
                        ? Optional.of(drafted.controller().id()) : Optional.empty();
            }
        };
    }
}
