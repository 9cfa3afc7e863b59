package nl.evidencestore.shared.event.agreement;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;

/** Art. 11.2: {@code terminatedOn} is the first day no longer covered. */
public record AgreementTerminated(AgreementId agreementId, LocalDate terminatedOn, String reason)
        implements AgreementEvent {
}
