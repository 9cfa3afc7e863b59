package nl.evidencestore.command.store;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/**
 * Fires a deadline and deletes its row in one transaction. db-scheduler would delete the row
 * in a transaction of its own after the handler's had committed, so a crash in between would
 * fire the deadline again; a crash here rolls back both, and the deadline fires once later.
 */
final class FiredOnce {
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final int MAX_DOUBLINGS = 6;

    private FiredOnce() {
    }

    /** The same task name and data as Axon's task, which runs inside. */
    static <T> Task<T> task(Task<T> axonTask, JdbcTransactions transactions) {
        return Tasks.custom(axonTask.getName(), axonTask.getDataClass())
                .onFailure(FiredOnce.<T>retrySoon())
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
}
