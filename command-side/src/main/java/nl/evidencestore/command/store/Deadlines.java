package nl.evidencestore.command.store;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import org.axonframework.messaging.ScopeAwareProvider;
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
 * <p>A deadline's effects commit once: {@link FiredOnce} deletes the row in the handler's
 * transaction. Handlers should still decide from the aggregate's state, since a deadline may
 * fire after the fact that made it moot.
 */
public final class Deadlines {
    /** How long a due deadline may wait for the scheduler's next look: its firing latency. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    /** Deadline handlers are short and few; more threads would only contend for connections. */
    private static final int THREADS = 2;
    /** A store killed while a deadline fired re-fires it after 6 missed heartbeats: 1 minute. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

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
                FiredOnce.task(DbSchedulerDeadlineManager.humanReadableTask(manager::get), transactions);
        Scheduler scheduler = new ClockedSchedulerBuilder(transactions.dataSource(), List.of(fire), clock)
                .pollingInterval(poll)
                .threads(THREADS)
                .heartbeatInterval(HEARTBEAT)
                .shutdownMaxWait(SHUTDOWN_WAIT)
                // JSON rather than Java serialisation: a row may wait months, across upgrades of Axon.
                .serializer(new JacksonSerializer())
                .build();
        manager.set(new CheckedDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(scopes)
                .serializer(serializer)
                .transactionManager(transactions)
                // Readable rows: deadline name, scope and payload as JSON text.
                .useBinaryPojo(false), serializer));
        return manager.get();
    }

    /** db-scheduler reads time from a protected field, not a builder option. */
    private static final class ClockedSchedulerBuilder extends SchedulerBuilder {
        ClockedSchedulerBuilder(DataSource dataSource, List<Task<?>> tasks, Clock clock) {
            super(dataSource, tasks);
            this.clock = clock::instant;
        }
    }
}
