package nl.evidencestore.command.access;

import java.util.List;
import java.util.Map;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.subject.SealedSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The new accesses of one agreement from one batch: judged and recorded in one go.
 * {@code sealed} holds subject references already sealed under the agreement's controller's
 * keys, by reference: sealing needs no agreement state, so the submitter does it before it
 * takes the agreement's lock; a reference not in it is sealed by the agreement itself.
 */
public record RecordAccesses(@TargetAggregateIdentifier AgreementId agreementId, List<ReportedAccess> accesses,
                             Map<String, SealedSubject> sealed) {
    public RecordAccesses {
        accesses = List.copyOf(accesses);
        sealed = Map.copyOf(sealed);
    }

    public RecordAccesses(AgreementId agreementId, List<ReportedAccess> accesses) {
        this(agreementId, accesses, Map.of());
    }
}
