package nl.evidencestore.command.access;

import java.util.List;
import nl.evidencestore.shared.model.AgreementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The new accesses of one agreement from one batch: judged and recorded in one go. */
public record RecordAccesses(@TargetAggregateIdentifier AgreementId agreementId, List<ReportedAccess> accesses) {
    public RecordAccesses {
        accesses = List.copyOf(accesses);
    }
}
