package nl.evidencestore.command.store;

import java.time.Instant;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Serializer;

/**
 * Axon fires an aggregate's deadline by loading the aggregate by its id's {@code toString()}
 * as read back from the row, and silently drops the deadline when no aggregate has that id
 * ({@code AbstractRepository.send}). An id type whose JSON is not its raw value (a record
 * without {@code @JsonValue}) would lose every deadline; this manager refuses to schedule one.
 */
final class CheckedDeadlineManager extends DbSchedulerDeadlineManager {
    private final Serializer serializer;

    CheckedDeadlineManager(Builder builder, Serializer serializer) {
        super(builder);
        this.serializer = serializer;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        // At prepare-commit, as the schedule itself: a new aggregate's id is set by then.
        runOnPrepareCommitOrNow(() -> requireStorable(deadlineScope, serializer));
        return super.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
    }

    /** The message names the id's type, never its value: ids may be subject references. */
    static void requireStorable(ScopeDescriptor scope, Serializer serializer) {
        if (scope instanceof AggregateScopeDescriptor aggregate) {
            Object id = aggregate.getIdentifier();
            AggregateScopeDescriptor stored = serializer.deserialize(serializer.serialize(scope, String.class));
            if (id == null || !id.toString().equals(String.valueOf(stored.getIdentifier()))) {
                throw new IllegalStateException("a deadline of aggregate " + aggregate.getType()
                        + " would not find it again: its id type " + (id == null ? "is unset"
                        : id.getClass().getName() + " must serialise to its toString() (@JsonValue)"));
            }
        }
    }
}
