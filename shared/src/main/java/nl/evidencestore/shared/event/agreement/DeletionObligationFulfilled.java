package nl.evidencestore.shared.event.agreement;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;

/** Art. 11.2: every location is closed by a deletion confirmation or a retention hold. */
public record DeletionObligationFulfilled(AgreementId agreementId, LocalDate fulfilledOn) implements AgreementEvent {
}
