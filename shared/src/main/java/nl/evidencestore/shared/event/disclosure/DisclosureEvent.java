package nl.evidencestore.shared.event.disclosure;

import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.model.AgreementId;

/** Disclosures of the controller's personal data: facts about one agreement, in its stream. */
public sealed interface DisclosureEvent extends EvidenceEvent permits DisclosureRecorded {
    AgreementId agreementId();

    @Override
    default String streamId() {
        return agreementId().value();
    }
}
