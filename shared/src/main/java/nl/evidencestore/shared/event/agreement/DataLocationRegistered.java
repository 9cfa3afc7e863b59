package nl.evidencestore.shared.event.agreement;

import nl.evidencestore.shared.model.AgreementId;

/** Art. 11.2: a place where the processor holds the controller's data, to be deleted at the end. */
public record DataLocationRegistered(AgreementId agreementId, String locationId, String description)
        implements AgreementEvent {
}
