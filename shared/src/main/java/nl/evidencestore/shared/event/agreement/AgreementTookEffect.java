package nl.evidencestore.shared.event.agreement;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;

/** Art. 11.1 — in force from the date of the last signature, for an indefinite period. */
public record AgreementTookEffect(AgreementId agreementId, LocalDate effectiveOn) implements AgreementEvent {
}
