package nl.evidencestore.shared.event.agreement;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Purpose;

/** Art. 1.2 "nadere instemming": the controller allows a further purpose, from {@code grantedOn}. */
public record PurposeAdded(AgreementId agreementId, Purpose purpose, String consentReference,
                           LocalDate grantedOn) implements AgreementEvent {
}
