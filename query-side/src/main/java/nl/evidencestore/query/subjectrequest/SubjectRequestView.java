package nl.evidencestore.query.subjectrequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.query.obligation.DeadlineState;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.model.SubjectRequestType;
import nl.evidencestore.shared.model.Violation;

/**
 * A data subject's request as of now, without the subject reference. {@code forwarding} is
 * absent when the controller received the request itself. {@code overdue} when a deadline still
 * open has passed. {@code subjectErased} once the subject was erased (crypto-shredding).
 */
public record SubjectRequestView(SubjectRequestId requestId, AgreementId agreementId, ControllerId controllerId,
                                 SubjectRequestType type, Party receivedBy, LocalDate receivedOn,
                                 SubjectRequestStatus status, Forwarding forwarding, Answer answer, boolean overdue,
                                 boolean subjectErased, long position) {

    SubjectRequestView withSubjectErased() {
        return new SubjectRequestView(requestId, agreementId, controllerId, type, receivedBy, receivedOn, status,
                forwarding, answer, overdue, true, position);
    }

    /** Art. 7.1: {@code dueAt} is the end of {@code forwardBy} in Amsterdam; late forwarding is a violation. */
    public record Forwarding(LocalDate forwardBy, Instant dueAt, DeadlineState state, LocalDate forwardedOn,
                             boolean late, boolean overdue, boolean overdueRecorded, List<Violation> violations) {
    }

    /** GDPR Art. 12(3): {@code answerBy} as extended, if it was. */
    public record Answer(LocalDate answerBy, Instant dueAt, DeadlineState state, Extension extension,
                         LocalDate resolvedOn, String outcome, boolean late, boolean overdue,
                         boolean overdueRecorded) {
    }

    public record Extension(LocalDate on, String reason, LocalDate previousAnswerBy) {
    }
}
