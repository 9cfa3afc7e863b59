package nl.evidencestore.shared.event.mirror;

import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.model.AgreementId;

/**
 * A fact recorded in another stream that concerns this agreement, entered into the agreement's
 * own chain in its agreement-only form ({@link AgreementOnly}): never another agreement's id,
 * never a subject reference. {@code source} names the event it was taken from and that event's
 * hash; each source event enters one agreement's chain once.
 */
public sealed interface MirroredFact extends EvidenceEvent permits BreachFactMirrored, SubjectRequestFactMirrored,
        AuditFactMirrored {
    AgreementId agreementId();

    SourceEvent source();

    /** The fact as it concerns this agreement: an event of the source's own type. */
    EvidenceEvent fact();

    @Override
    default String streamId() {
        return agreementId().value();
    }
}
