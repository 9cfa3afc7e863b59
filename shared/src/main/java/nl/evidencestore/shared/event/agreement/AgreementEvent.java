package nl.evidencestore.shared.event.agreement;

import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.model.AgreementId;

/** Everything that happens to one agreement's lifecycle; projections switch over it. */
public sealed interface AgreementEvent extends EvidenceEvent
        permits AgreementDrafted, AgreementSigned, AgreementTookEffect, PurposeAdded, InstructionRegistered,
        SubProcessorProposed, SubProcessorConsentGranted, SubProcessorConsentRevoked, TransferConsentGranted,
        AmendmentProposed, AmendmentObjected, AgreementTerminated, DataLocationRegistered, DeletionConfirmed,
        RetentionHoldPlaced, DeletionObligationOpened, DeletionObligationFulfilled, DeletionOverdue, EvidenceExported,
        EvidenceBundleSealed, SubjectErased {
    AgreementId agreementId();

    @Override
    default String streamId() {
        return agreementId().value();
    }
}
