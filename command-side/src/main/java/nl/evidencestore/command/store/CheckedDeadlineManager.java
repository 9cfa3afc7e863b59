package nl.evidencestore.command.store;

import java.time.Instant;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Serializer;

/**
 * Axon fires an aggregate's deadline by loading the aggregate by its id's {@code toString()}
 * as read back from the row, and silently drops the deadline when no aggregate has that id
 * ({@code AbstractRepository.send}). Stream ids of other kinds than agreements are prefixed
 * ({@code breach/br-1}) while their JSON is the client's raw id, so this manager stores the
 * scope by the id's {@code toString()}, the stream id, and checks that it reads back the same.
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
        ScopeDescriptor byStreamId = byStreamId(deadlineScope);
        // At prepare-commit, as the schedule itself: a new aggregate's id is set by then.
        runOnPrepareCommitOrNow(() -> requireStorable(byStreamId, serializer));
        return super.schedule(triggerDateTime, deadlineName, messageOrPayload, byStreamId);
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        super.cancelAllWithinScope(deadlineName, byStreamId(scope));
    }

    /** The aggregate's scope named by its stream id (resolved as late as Axon resolves it). */
    static ScopeDescriptor byStreamId(ScopeDescriptor scope) {
        if (scope instanceof AggregateScopeDescriptor aggregate) {
            return new AggregateScopeDescriptor(aggregate.getType(), () -> String.valueOf(aggregate.getIdentifier()));
        }
        return scope;
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
