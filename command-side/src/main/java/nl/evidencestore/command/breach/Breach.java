package nl.evidencestore.command.breach;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.evidencestore.command.agreement.KnownAgreements;
import nl.evidencestore.command.time.StoreTime;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.breach.BreachAuthorityNotificationOverdue;
import nl.evidencestore.shared.event.breach.BreachClosed;
import nl.evidencestore.shared.event.breach.BreachConfirmed;
import nl.evidencestore.shared.event.breach.BreachDismissed;
import nl.evidencestore.shared.event.breach.BreachNotificationOverdue;
import nl.evidencestore.shared.event.breach.BreachNotified;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.BreachStatus;
import nl.evidencestore.shared.model.NotificationRecipient;
import nl.evidencestore.shared.model.ValidTime;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One breach or suspected breach (Art. 6). Each affected agreement has its own clock for
 * notifying its controller, the breach one for the supervisory authority; the store raises an
 * overdue fact itself when a clock passes, and a dismissal stops the clocks not yet passed.
 */
public class Breach {
    @AggregateIdentifier
    private BreachId breachId;
    private BreachStatus status;
    private Instant discoveredAt;
    private final BreachClocks clocks = new BreachClocks();
    private final Set<String> notificationIds = new HashSet<>();

    Breach() {
        // for Axon: rebuilt from its events
    }

    /** Clocks already passed when the breach is reported late are overdue at once; the others are scheduled. */
    @CommandHandler
    Breach(ReportBreach command, NotificationLimits limits, KnownAgreements agreements, DeadlineManager deadlines) {
        for (int i = 0; i < command.agreementIds().size(); i++) {
            if (!agreements.exists(command.agreementIds().get(i))) {
                throw new RuleViolation(null, "agreementIds[" + i + "] names no agreement");
            }
        }
        Instant discovered = StoreTime.notInFuture(command.discoveredAt(), "discoveredAt");
        Instant controllerDue = discovered.plus(limits.controllerNotification());
        Instant authorityDue = discovered.plus(limits.authorityNotification());
        // Applied in a constructor, events reach the state only after it returns: decide from the command.
        apply(new BreachReported(command.breachId(), command.status(), discovered, command.agreementIds(),
                command.description(), command.categories(), command.estimatedSubjects(), controllerDue, authorityDue));
        Instant now = StoreTime.now();
        // A due instant is still in time (NotificationClock.passedAt): only one already past is overdue at once.
        for (AgreementId agreement : command.agreementIds()) {
            if (!now.isAfter(controllerDue)) {
                deadlines.schedule(controllerDue, ControllerNotificationDue.deadlineName(agreement),
                        new ControllerNotificationDue(agreement, controllerDue));
            } else {
                apply(BreachClocks.controllerOverdue(command.breachId(), agreement, controllerDue));
            }
        }
        if (!now.isAfter(authorityDue)) {
            deadlines.schedule(authorityDue, AuthorityNotificationDue.DEADLINE_NAME, new AuthorityNotificationDue(authorityDue));
        } else {
            apply(BreachClocks.authorityOverdue(command.breachId(), authorityDue));
        }
    }

    @CommandHandler
    void handle(ConfirmBreach command) {
        requireSuspected("confirmed");
        requireDated(command.on(), "on");
        apply(new BreachConfirmed(breachId, command.on(), command.note()));
    }

    /** What had passed stays late, even when its deadline has not fired yet; the rest stop. */
    @CommandHandler
    void handle(DismissBreach command, DeadlineManager deadlines) {
        requireSuspected("dismissed");
        requireDated(command.on(), "on");
        Instant now = StoreTime.now();
        clocks.overdueAt(breachId, now).forEach(overdue -> apply(overdue));
        List<AgreementId> stopped = clocks.controllersRunningAt(now);
        stopped.forEach(agreement -> deadlines.cancelAllWithinScope(ControllerNotificationDue.deadlineName(agreement)));
        deadlines.cancelAllWithinScope(AuthorityNotificationDue.DEADLINE_NAME);
        apply(new BreachDismissed(breachId, command.on(), command.note(), stopped, clocks.authorityRunningAt(now)));
    }

    /** Closing neither notifies anyone nor stops a clock: a missing notification stays due. */
    @CommandHandler
    void handle(CloseBreach command) {
        if (status != BreachStatus.CONFIRMED) {
            throw new RuleViolation("6.2", "only a confirmed breach is closed; a suspicion is confirmed or dismissed first");
        }
        requireDated(command.on(), "on");
        apply(new BreachClosed(breachId, command.on(), command.note()));
    }

    /** Recorded in any state: a notification is evidence also after a dismissal or closure. */
    @CommandHandler
    void handle(NotifyBreach command, DeadlineManager deadlines) {
        BreachNotifications.requireArt63(command);
        if (notificationIds.contains(command.notificationId())) {
            throw new RuleViolation(null, "notificationId is used already for another notification of this breach");
        }
        if (command.agreementId() != null && !clocks.affects(command.agreementId())) {
            throw new RuleViolation(null, "agreementId names an agreement this breach does not affect");
        }
        if (command.notifiedAt().isBefore(discoveredAt)) {
            throw new RuleViolation("6.1", "notifiedAt lies before the breach was discovered");
        }
        StoreTime.notInFuture(command.notifiedAt(), "notifiedAt");
        apply(BreachNotifications.notified(command, discoveredAt, clocks.of(command.recipient(), command.agreementId())));
        if (command.recipient() == NotificationRecipient.CONTROLLER) {
            deadlines.cancelAllWithinScope(ControllerNotificationDue.deadlineName(command.agreementId()));
        } else if (command.recipient() == NotificationRecipient.AUTHORITY) {
            deadlines.cancelAllWithinScope(AuthorityNotificationDue.DEADLINE_NAME);
        }
    }

    @DeadlineHandler
    void on(ControllerNotificationDue due) {
        raiseOverdueJustAfter(due.dueAt());
    }

    @DeadlineHandler
    void on(AuthorityNotificationDue due) {
        raiseOverdueJustAfter(due.dueAt());
    }

    /**
     * A deadline fires no earlier than its due instant, and that instant is still in time
     * (NotificationClock.passedAt), so the firing judges the clocks one nanosecond later, the first
     * instant they have passed. Every fact due by then is raised, so that one firing also covers a
     * sibling clock due at once.
     */
    private void raiseOverdueJustAfter(Instant dueAt) {
        clocks.overdueAt(breachId, dueAt.plusNanos(1)).forEach(overdue -> apply(overdue));
    }

    private void requireSuspected(String becoming) {
        if (status != BreachStatus.SUSPECTED) {
            throw new RuleViolation("6.2", "only a suspected breach is " + becoming + "; this one is " + status);
        }
    }

    private void requireDated(LocalDate on, String field) {
        if (on.isBefore(ValidTime.dayOf(discoveredAt))) {
            throw new RuleViolation(null, field + " lies before the day the breach was discovered");
        }
        StoreTime.notInFuture(on, field);
    }

    @EventSourcingHandler
    void on(BreachReported event) {
        breachId = event.breachId();
        status = event.status();
        discoveredAt = event.discoveredAt();
        clocks.reported(event);
    }

    @EventSourcingHandler
    void on(BreachConfirmed event) {
        status = BreachStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(BreachDismissed event) {
        status = BreachStatus.DISMISSED;
        clocks.stopped(event.stoppedControllerDeadlines(), event.authorityDeadlineStopped());
    }

    @EventSourcingHandler
    void on(BreachClosed event) {
        status = BreachStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(BreachNotified event) {
        notificationIds.add(event.notificationId());
        clocks.met(event.recipient(), event.agreementId(), event.notifiedAt());
    }

    @EventSourcingHandler
    void on(BreachNotificationOverdue event) {
        clocks.controllerOverdueRaised(event.agreementId());
    }

    @EventSourcingHandler
    void on(BreachAuthorityNotificationOverdue event) {
        clocks.authorityOverdueRaised();
    }
}
