package nl.evidencestore.shared.event.agreement;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Country;

/** Art. 3.2: explicit prior written consent to processing in a country outside the EEA. */
public record TransferConsentGranted(AgreementId agreementId, Country country, String consentReference,
                                     LocalDate grantedOn) implements AgreementEvent {
}
