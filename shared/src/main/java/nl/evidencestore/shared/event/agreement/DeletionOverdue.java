package nl.evidencestore.shared.event.agreement;

import java.time.Instant;
import java.util.List;
import nl.evidencestore.shared.model.AgreementId;

/** Raised by the store itself at the deadline: these locations were still open (Art. 11.2). */
public record DeletionOverdue(AgreementId agreementId, Instant dueAt, List<String> openLocationIds)
        implements AgreementEvent {
}
