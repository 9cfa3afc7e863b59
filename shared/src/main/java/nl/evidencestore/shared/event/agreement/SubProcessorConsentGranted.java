package nl.evidencestore.shared.event.agreement;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;

/**
 * Art. 3.1: the controller's prior written consent, from {@code grantedOn}; optionally the hash
 * of the flow-down contract that binds the sub-processor (Annex 2).
 */
public record SubProcessorConsentGranted(AgreementId agreementId, String subProcessorId, String consentReference,
                                         LocalDate grantedOn, String flowDownContractSha256) implements AgreementEvent {
}
