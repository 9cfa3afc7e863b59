package nl.evidencestore.command.store;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;

/**
 * Deadlines that outlive the process: Axon's {@link DbSchedulerDeadlineManager} on db-scheduler,
 * with its {@code scheduled_tasks} table in the event store's database.
 *
 * <p>Scheduling joins the command's transaction. Axon writes the row in the unit of work's
 * prepare-commit phase, on the command's thread; db-scheduler asks its DataSource for a
 * connection per statement and, for schedule and cancel, commits nothing on a connection with
 * autocommit off. Given {@link JdbcTransactions#dataSource()} it therefore writes with the
 * command's connection: the row commits with the events or not at all. (db-scheduler's own
 * polling repository does commit such connections, but it runs only on the scheduler's
 * threads, which never hold one of our transactions.)
 *
 * <p>Firing is exactly once. db-scheduler would run the deadline handler and then delete the
 * row in a transaction of its own, so a crash in between would fire the deadline again. The
 * task below deletes the row in the handler's transaction instead. Handlers should still decide
 * from the aggregate's state, since a deadline may fire after the fact that made it moot.
 */
public final class Deadlines {
    /** How long a due deadline may wait for the scheduler's next look: its firing latency. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    /** Deadline handlers are short and few; more threads would only contend for connections. */
    private static final int THREADS = 2;
    /** A store killed while a deadline fired re-fires it after 6 missed heartbeats: 1 minute. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final int MAX_DOUBLINGS = 6;

    private Deadlines() {
    }

    /**
     * @param serializer the event serializer: payloads and scopes are stored in its form
     * @param clock      what is due when; tests move it, the store passes the system clock
     */
    public static DbSchedulerDeadlineManager manager(ScopeAwareProvider scopes, Serializer serializer,
                                                     JdbcTransactions transactions, Duration poll, Clock clock) {
        AtomicReference<DbSchedulerDeadlineManager> manager = new AtomicReference<>();
        Task<DbSchedulerHumanReadableDeadlineDetails> fire =
                firedInOneTransaction(DbSchedulerDeadlineManager.humanReadableTask(manager::get), transactions);
        Scheduler scheduler = new ClockedSchedulerBuilder(transactions.dataSource(), List.of(fire), clock)
                .pollingInterval(poll)
                .threads(THREADS)
                .heartbeatInterval(HEARTBEAT)
                .shutdownMaxWait(SHUTDOWN_WAIT)
                // JSON rather than Java serialisation: a row may wait months, across upgrades of Axon.
                .serializer(new JacksonSerializer())
                .build();
        manager.set(DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(scopes)
                .serializer(serializer)
                .transactionManager(transactions)
                // Readable rows: deadline name, scope and payload as JSON text.
                .useBinaryPojo(false)
                .build());
        return manager.get();
    }

    private static Task<DbSchedulerHumanReadableDeadlineDetails> firedInOneTransaction(
            Task<DbSchedulerHumanReadableDeadlineDetails> axonTask, JdbcTransactions transactions) {
        return Tasks.custom(axonTask.getName(), axonTask.getDataClass())
                .onFailure(retrySoon())
                .execute((instance, context) -> {
                    DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                    unitOfWork.attachTransaction(transactions);
                    ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                        // Axon's own unit of work nests in this one, so its events commit here too.
                        unitOfWork.onPrepareCommit(u -> remove(context.getExecution(), transactions));
                        axonTask.execute(instance, context);
                        return null;
                    });
                    if (result.isExceptional()) {
                        Throwable failure = result.exceptionResult();
                        throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
                    }
                    return (complete, operations) -> {
                        // The row went with the handler's transaction.
                    };
                });
    }

    /** As db-scheduler's own removal: only the version this scheduler picked. */
    private static void remove(Execution execution, JdbcTransactions transactions) {
        try (Connection connection = transactions.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance = ? AND version = ?")) {
            delete.setString(1, execution.taskInstance.getTaskName());
            delete.setString(2, execution.taskInstance.getId());
            delete.setLong(3, execution.version);
            if (delete.executeUpdate() != 1) {
                throw new IllegalStateException("deadline " + execution.taskInstance.getId()
                        + " was taken over by another scheduler while it fired");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove a fired deadline", e);
        }
    }

    /**
     * A failed firing (most often a command on the same aggregate that won the race) is tried
     * again after 1, 2, 4 … 64 seconds, then every 64 seconds: a deadline is never given up.
     */
    private static <T> FailureHandler<T> retrySoon() {
        return (complete, operations) -> {
            int doublings = Math.min(complete.getExecution().consecutiveFailures, MAX_DOUBLINGS);
            operations.reschedule(complete, complete.getTimeDone().plus(FIRST_RETRY.multipliedBy(1L << doublings)));
        };
    }

    /** db-scheduler reads time from a protected field, not a builder option. */
    private static final class ClockedSchedulerBuilder extends SchedulerBuilder {
        ClockedSchedulerBuilder(javax.sql.DataSource dataSource, List<Task<?>> tasks, Clock clock) {
            super(dataSource, tasks);
            this.clock = clock::instant;
        }
    }
}
