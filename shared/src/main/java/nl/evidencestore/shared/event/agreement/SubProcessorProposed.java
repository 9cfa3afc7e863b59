package nl.evidencestore.shared.event.agreement;

import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.SubProcessor;

/** Art. 3.1: a sub-processor is proposed; it may process data only once the controller consents. */
public record SubProcessorProposed(AgreementId agreementId, SubProcessor subProcessor) implements AgreementEvent {
}
