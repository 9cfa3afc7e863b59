package nl.evidencestore.shared.event.access;

import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.model.AgreementId;

/** What happens to personal data under an agreement: each access, and any later reassessment. */
public sealed interface AccessEvent extends EvidenceEvent permits AccessRecorded, VerdictReassessed {
    AgreementId agreementId();

    @Override
    default String streamId() {
        return agreementId().value();
    }
}
