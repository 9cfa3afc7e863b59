package nl.evidencestore.command.access;

import java.util.Collection;
import java.util.Set;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.model.AgreementId;

/**
 * Art. 1.1 across agreements: which agreements registered an instruction id. An access that
 * cites an instruction registered only for another agreement violates 1.1; an agreement's own
 * terms cannot tell that, so the judging code asks here, consistently with its append.
 * {@link InstructionDirectory} keeps it beside the events.
 */
public interface InstructionOwners {
    /** Called by the registering command before its event is applied, inside its transaction. */
    void record(InstructionRegistered registered);

    /** Those of these instruction ids that an agreement other than {@code agreementId} registered. */
    Set<String> ofOtherAgreements(AgreementId agreementId, Collection<String> instructionIds);
}
