package nl.evidencestore.shared.event.subjectrequest;

import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.SubjectRequestId;

/** Everything that happens to one data subject's request (Art. 7); its stream is {@code subject-request/<id>}. */
public sealed interface SubjectRequestEvent extends EvidenceEvent
        permits SubjectRequestReceived, SubjectRequestForwarded, SubjectRequestExtended, SubjectRequestResolved,
        SubjectRequestForwardingOverdue, SubjectRequestOverdue {
    SubjectRequestId requestId();

    /** The agreement under which the request is handled: every view and bundle is scoped by it. */
    AgreementId agreementId();

    @Override
    default String streamId() {
        return requestId().toString();
    }
}
