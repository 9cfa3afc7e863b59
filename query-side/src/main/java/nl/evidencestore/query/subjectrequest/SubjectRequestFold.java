package nl.evidencestore.query.subjectrequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.query.agreement.AgreementControllers;
import nl.evidencestore.query.obligation.DeadlineState;
import nl.evidencestore.query.subjectrequest.SubjectRequestView.Answer;
import nl.evidencestore.query.subjectrequest.SubjectRequestView.Extension;
import nl.evidencestore.query.subjectrequest.SubjectRequestView.Forwarding;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestEvent;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestExtended;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestForwarded;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestForwardingOverdue;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestOverdue;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestReceived;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestResolved;
import nl.evidencestore.shared.model.ValidTime;
import nl.evidencestore.shared.model.Violation;

/** Folds one request's events into its view as of {@code now}. */
final class SubjectRequestFold {
    private SubjectRequestReceived received;
    private LocalDate answerBy;
    private SubjectRequestForwarded forwarded;
    private Violation forwardingOverdue;
    private SubjectRequestExtended extended;
    private LocalDate answerOverdueFor;
    private SubjectRequestResolved resolved;

    /** One branch per kind of event (no pattern switch in Java 17): add new kinds here. */
    void apply(SubjectRequestEvent event) {
        if (event instanceof SubjectRequestReceived e) {
            received = e;
            answerBy = e.answerBy();
        } else if (event instanceof SubjectRequestForwarded e) {
            forwarded = e;
        } else if (event instanceof SubjectRequestForwardingOverdue e) {
            forwardingOverdue = e.violation();
        } else if (event instanceof SubjectRequestExtended e) {
            extended = e;
            answerBy = e.answerBy();
        } else if (event instanceof SubjectRequestOverdue e) {
            answerOverdueFor = e.answerBy();
        } else if (event instanceof SubjectRequestResolved e) {
            resolved = e;
        }
    }

    Optional<SubjectRequestView> view(Instant now, AgreementControllers controllers, long position) {
        if (received == null) {
            return Optional.empty();
        }
        Forwarding forwarding = received.forwardBy() == null ? null : forwarding(received.forwardBy(), now);
        Answer answer = answer(now);
        return Optional.of(new SubjectRequestView(received.requestId(), received.agreementId(),
                controllers.controllerOf(received.agreementId()).orElse(null), received.type(), received.receivedBy(),
                received.receivedOn(), status(), forwarding, answer,
                answer.overdue() || (forwarding != null && forwarding.overdue()), false, position));
    }

    private SubjectRequestStatus status() {
        if (resolved != null) {
            return SubjectRequestStatus.RESOLVED;
        }
        return forwarded != null ? SubjectRequestStatus.FORWARDED : SubjectRequestStatus.RECEIVED;
    }

    /** A resolution ends the forwarding clock: the controller evidently has the request. */
    private Forwarding forwarding(LocalDate forwardBy, Instant now) {
        Instant dueAt = endOf(forwardBy);
        DeadlineState state = forwarded != null ? DeadlineState.MET
                : resolved != null ? DeadlineState.ENDED : DeadlineState.OPEN;
        boolean overdue = state == DeadlineState.OPEN && !now.isBefore(dueAt);
        if (forwarded != null) {
            return new Forwarding(forwardBy, dueAt, state, forwarded.forwardedOn(), forwarded.late(), false,
                    forwardingOverdue != null, forwarded.violations());
        }
        return new Forwarding(forwardBy, dueAt, state, null, forwardingOverdue != null || overdue, overdue,
                forwardingOverdue != null, forwardingOverdue == null ? List.of() : List.of(forwardingOverdue));
    }

    private Answer answer(Instant now) {
        Instant dueAt = endOf(answerBy);
        DeadlineState state = resolved != null ? DeadlineState.MET : DeadlineState.OPEN;
        boolean overdue = state == DeadlineState.OPEN && !now.isBefore(dueAt);
        Extension extension = extended == null ? null
                : new Extension(extended.extendedOn(), extended.reason(), extended.previousAnswerBy());
        return new Answer(answerBy, dueAt, state, extension, resolved == null ? null : resolved.resolvedOn(),
                resolved == null ? null : resolved.outcome(), resolved != null ? resolved.late() : overdue, overdue,
                answerBy.equals(answerOverdueFor));
    }

    /** A period ends with its last day, at 00:00 Amsterdam of the next (Art. 12.1). */
    static Instant endOf(LocalDate lastDay) {
        return ValidTime.startOf(lastDay.plusDays(1));
    }
}
