package nl.evidencestore.shared.event.agreement;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;

/** Art. 3.1: consent withdrawn; from {@code revokedOn} the sub-processor may no longer process. */
public record SubProcessorConsentRevoked(AgreementId agreementId, String subProcessorId, LocalDate revokedOn)
        implements AgreementEvent {
}
