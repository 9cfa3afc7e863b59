package nl.evidencestore.infra;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.evidencestore.command.submit.IdempotentCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A test-only aggregate for {@link DeadlineIT}: setting an alarm schedules a deadline, and the
 * alarm rings when it fires. It rings without looking at its state, unlike a real obligation,
 * so that only a cancelled deadline can keep it quiet.
 */
class Alarm {
    static final String RING = "alarm-ring";

    /** Firing attempts per alarm, across the test's command sides (one JVM). */
    static final Map<String, Integer> ATTEMPTS = new ConcurrentHashMap<>();

    /**
     * The request id is the idempotency key, so that one alarm can be set twice on purpose; the
     * first {@code failingAttempts} firings fail after ringing, so their events must roll back.
     */
    record SetAlarm(String alarmId, Instant ringsAt, String requestId, int failingAttempts) implements IdempotentCommand {
        SetAlarm(String alarmId, Instant ringsAt, String requestId) {
            this(alarmId, ringsAt, requestId, 0);
        }

        @Override
        public String idempotencyKey() {
            return "alarm:" + requestId;
        }
    }

    record CancelAlarm(@TargetAggregateIdentifier String alarmId) implements IdempotentCommand {
        @Override
        public String idempotencyKey() {
            return "alarm-cancel:" + alarmId;
        }
    }

    record Ring(String alarmId, Instant ringsAt, int failingAttempts) {
    }

    sealed interface AlarmEvent {
    }

    record AlarmSet(String alarmId, Instant ringsAt) implements AlarmEvent {
    }

    record AlarmRang(String alarmId, Instant ringsAt) implements AlarmEvent {
    }

    record AlarmCancelled(String alarmId) implements AlarmEvent {
    }

    @AggregateIdentifier
    private String alarmId;

    Alarm() {
    }

    @CommandHandler
    Alarm(SetAlarm command, DeadlineManager deadlines) {
        apply(new AlarmSet(command.alarmId(), command.ringsAt()));
        deadlines.schedule(command.ringsAt(), RING, new Ring(command.alarmId(), command.ringsAt(),
                command.failingAttempts()));
    }

    @CommandHandler
    void handle(CancelAlarm command, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(RING);
        apply(new AlarmCancelled(alarmId));
    }

    @DeadlineHandler(deadlineName = RING)
    void on(Ring ring) {
        apply(new AlarmRang(alarmId, ring.ringsAt()));
        if (ATTEMPTS.merge(alarmId, 1, Integer::sum) <= ring.failingAttempts()) {
            throw new IllegalStateException("alarm " + alarmId + " fails this attempt on purpose");
        }
    }

    @EventSourcingHandler
    void on(AlarmSet event) {
        alarmId = event.alarmId();
    }
}
