package nl.evidencestore.command.subjectrequest;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.command.agreement.KnownAgreements;
import nl.evidencestore.command.subject.SubjectSeals;
import nl.evidencestore.command.time.StoreTime;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestExtended;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestForwarded;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestForwardingOverdue;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestOverdue;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestReceived;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestResolved;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.model.ValidTime;
import nl.evidencestore.shared.model.Violation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One data subject's request (Art. 7.1). The controller stays responsible for the answer; the
 * processor must pass on what it received within a few working days. Both periods end at the
 * end of their last day in Amsterdam (Art. 12.1), when the store raises an overdue fact itself.
 */
public class SubjectRequest {
    static final Violation NOT_FORWARDED = new Violation("7.1",
            "the processor did not forward the request to the controller within the limit");
    static final Violation FORWARDED_LATE = new Violation("7.1",
            "the processor forwarded the request to the controller after the limit");

    @AggregateIdentifier
    private SubjectRequestId requestId;
    private AgreementId agreementId;
    private Party receivedBy;
    private LocalDate receivedOn;
    private LocalDate forwardBy;
    private LocalDate answerBy;
    private boolean forwarded;
    private boolean forwardingOverdueRaised;
    private LocalDate answerOverdueRaisedFor;
    private boolean extended;
    private boolean resolved;

    SubjectRequest() {
        // for Axon: rebuilt from its events
    }

    /** Periods that ended before the request was recorded are overdue at once; the others are scheduled. */
    @CommandHandler
    SubjectRequest(ReceiveSubjectRequest command, SubjectRequestLimits limits, KnownAgreements agreements,
                   SubjectSeals seals, DeadlineManager deadlines) {
        ControllerId controller = agreements.controllerOf(command.agreementId())
                .orElseThrow(() -> new RuleViolation(null, "agreementId names no agreement"));
        LocalDate received = StoreTime.notInFuture(command.receivedOn(), "receivedOn");
        LocalDate forwardingDay = command.receivedBy() == Party.PROCESSOR
                ? WorkingDays.after(received, limits.forwardingWorkingDays()) : null;
        LocalDate answerDay = received.plusMonths(limits.answerMonths());
        apply(new SubjectRequestReceived(command.requestId(), command.agreementId(), command.type(),
                command.receivedBy(), received,
                seals.forSubjects(controller, List.of(command.subjectRef())).seal(command.subjectRef()),
                forwardingDay, answerDay));
        if (forwardingDay != null) {
            if (passed(forwardingDay)) {
                apply(new SubjectRequestForwardingOverdue(command.requestId(), command.agreementId(), forwardingDay,
                        NOT_FORWARDED));
            } else {
                deadlines.schedule(endOf(forwardingDay), ForwardingDue.DEADLINE_NAME, new ForwardingDue(forwardingDay));
            }
        }
        answerDueOn(command.requestId(), command.agreementId(), answerDay, deadlines);
    }

    @CommandHandler
    void handle(ForwardSubjectRequest command, DeadlineManager deadlines) {
        if (receivedBy != Party.PROCESSOR) {
            throw new RuleViolation("7.1", "only a request that the processor received is forwarded to the controller");
        }
        if (forwarded) {
            throw new RuleViolation(null, "the request was forwarded already");
        }
        requireDated(command.on());
        boolean late = command.on().isAfter(forwardBy);
        apply(new SubjectRequestForwarded(requestId, agreementId, command.on(), forwardBy, late,
                late ? List.of(FORWARDED_LATE) : List.of()));
        deadlines.cancelAllWithinScope(ForwardingDue.DEADLINE_NAME);
    }

    /** GDPR Art. 12(3): once, within the first period; the new period runs on from the end of the first. */
    @CommandHandler
    void handle(ExtendSubjectRequest command, SubjectRequestLimits limits, DeadlineManager deadlines) {
        if (extended) {
            throw new RuleViolation("7.1", "the answer period is extended once only (GDPR Art. 12(3))");
        }
        if (resolved) {
            throw new RuleViolation(null, "the request is resolved already");
        }
        requireDated(command.on());
        if (command.on().isAfter(answerBy)) {
            throw new RuleViolation("7.1", "an extension is made within the answer period (GDPR Art. 12(3))");
        }
        LocalDate extendedTo = answerBy.plusMonths(limits.extensionMonths());
        apply(new SubjectRequestExtended(requestId, agreementId, command.on(), command.reason(), answerBy, extendedTo));
        deadlines.cancelAllWithinScope(AnswerDue.DEADLINE_NAME);
        answerDueOn(requestId, agreementId, extendedTo, deadlines);
    }

    /** A resolution also ends the forwarding clock: the controller evidently has the request. */
    @CommandHandler
    void handle(ResolveSubjectRequest command, DeadlineManager deadlines) {
        if (resolved) {
            throw new RuleViolation(null, "the request is resolved already");
        }
        requireDated(command.on());
        apply(new SubjectRequestResolved(requestId, agreementId, command.on(), command.outcome(), answerBy,
                command.on().isAfter(answerBy)));
        deadlines.cancelAllWithinScope(AnswerDue.DEADLINE_NAME);
        deadlines.cancelAllWithinScope(ForwardingDue.DEADLINE_NAME);
    }

    @DeadlineHandler
    void on(ForwardingDue due) {
        if (!forwarded && !resolved && !forwardingOverdueRaised) {
            apply(new SubjectRequestForwardingOverdue(requestId, agreementId, forwardBy, NOT_FORWARDED));
        }
    }

    /** A deadline of the period before an extension is stale: only the current one counts. */
    @DeadlineHandler
    void on(AnswerDue due) {
        if (!resolved && due.answerBy().equals(answerBy) && !answerBy.equals(answerOverdueRaisedFor)) {
            apply(new SubjectRequestOverdue(requestId, agreementId, answerBy));
        }
    }

    private static void answerDueOn(SubjectRequestId request, AgreementId agreement, LocalDate answerDay,
                                    DeadlineManager deadlines) {
        if (passed(answerDay)) {
            apply(new SubjectRequestOverdue(request, agreement, answerDay));
        } else {
            deadlines.schedule(endOf(answerDay), AnswerDue.DEADLINE_NAME, new AnswerDue(answerDay));
        }
    }

    /** A period ends with its last day: at 00:00 Amsterdam of the next (Art. 12.1). */
    private static Instant endOf(LocalDate lastDay) {
        return ValidTime.startOf(lastDay.plusDays(1));
    }

    private static boolean passed(LocalDate lastDay) {
        return !StoreTime.now().isBefore(endOf(lastDay));
    }

    private void requireDated(LocalDate on) {
        if (on.isBefore(receivedOn)) {
            throw new RuleViolation(null, "on lies before the request was received");
        }
        StoreTime.notInFuture(on, "on");
    }

    @EventSourcingHandler
    void on(SubjectRequestReceived event) {
        requestId = event.requestId();
        agreementId = event.agreementId();
        receivedBy = event.receivedBy();
        receivedOn = event.receivedOn();
        forwardBy = event.forwardBy();
        answerBy = event.answerBy();
    }

    @EventSourcingHandler
    void on(SubjectRequestForwarded event) {
        forwarded = true;
    }

    @EventSourcingHandler
    void on(SubjectRequestForwardingOverdue event) {
        forwardingOverdueRaised = true;
    }

    @EventSourcingHandler
    void on(SubjectRequestExtended event) {
        extended = true;
        answerBy = event.answerBy();
    }

    @EventSourcingHandler
    void on(SubjectRequestOverdue event) {
        answerOverdueRaisedFor = event.answerBy();
    }

    @EventSourcingHandler
    void on(SubjectRequestResolved event) {
        resolved = true;
    }
}
