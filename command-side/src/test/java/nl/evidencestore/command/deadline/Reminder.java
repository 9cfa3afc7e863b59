package nl.evidencestore.command.deadline;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A test-only aggregate with the shape the domain's obligations take: opening one schedules a
 * deadline at an instant derived from the facts, meeting it closes it, and the deadline handler
 * raises the overdue fact only if the obligation is still open.
 */
class Reminder {
    static final String DUE = "reminder-due";

    record Open(String reminderId, Instant dueAt) {
    }

    record Meet(@TargetAggregateIdentifier String reminderId) {
    }

    record Withdraw(@TargetAggregateIdentifier String reminderId) {
    }

    /** The deadline's payload carries its own instant: a fired deadline's timestamp is when it ran. */
    record Due(String reminderId, Instant dueAt) {
    }

    record Opened(String reminderId, Instant dueAt, Instant recordedAt) {
    }

    record Met(String reminderId) {
    }

    record Withdrawn(String reminderId) {
    }

    record Overdue(String reminderId, Instant dueAt) {
    }

    @AggregateIdentifier
    private String reminderId;
    private boolean open;

    Reminder() {
    }

    @CommandHandler
    Reminder(Open command, DeadlineManager deadlines, Clock clock) {
        apply(new Opened(command.reminderId(), command.dueAt(), clock.instant()));
        deadlines.schedule(command.dueAt(), DUE, new Due(command.reminderId(), command.dueAt()));
    }

    /** Met, the obligation needs no cancelled deadline: the handler below looks at the state. */
    @CommandHandler
    void handle(Meet command) {
        apply(new Met(reminderId));
    }

    @CommandHandler
    void handle(Withdraw command, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(DUE);
        apply(new Withdrawn(reminderId));
    }

    @DeadlineHandler(deadlineName = DUE)
    void on(Due due) {
        if (open) {
            apply(new Overdue(reminderId, due.dueAt()));
        }
    }

    @EventSourcingHandler
    void on(Opened event) {
        reminderId = event.reminderId();
        open = true;
    }

    @EventSourcingHandler
    void on(Met event) {
        open = false;
    }

    @EventSourcingHandler
    void on(Withdrawn event) {
        open = false;
    }

    @EventSourcingHandler
    void on(Overdue event) {
        open = false;
    }
}
