package nl.evidencestore.command.audit;

import nl.evidencestore.shared.model.AgreementId;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Whether an agreement was drafted, asked of the event store in the command's own transaction:
 * an audit is always of an agreement the store knows. Axon passes it to command handlers as a
 * registered component.
 */
@FunctionalInterface
public interface KnownAgreements {
    boolean exists(AgreementId agreementId);

    /** An agreement's stream starts with its draft: a stream that exists is a drafted agreement. */
    static KnownAgreements in(EventStore events) {
        return agreementId -> events.lastSequenceNumberFor(agreementId.value()).isPresent();
    }
}
