package nl.evidencestore.command.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offsets up to which every command is durable (or dead-lettered), until they are
 * committed. Only the ingest's thread uses it: the consumer calls the rebalance callbacks
 * from within poll().
 */
final class IngestOffsets implements ConsumerRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(IngestOffsets.class);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);

    private final Consumer<?, ?> consumer;
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();

    IngestOffsets(Consumer<?, ?> consumer) {
        this.consumer = consumer;
    }

    /** Everything before {@code nextOffset} in that partition is durable. */
    void done(TopicPartition partition, long nextOffset) {
        uncommitted.put(partition, new OffsetAndMetadata(nextOffset));
    }

    void commit() {
        // A partition taken away (and maybe further along elsewhere) is no longer ours to commit.
        uncommitted.keySet().retainAll(consumer.assignment());
        if (!uncommitted.isEmpty()) {
            consumer.commitSync(uncommitted, COMMIT_TIMEOUT);
            uncommitted.clear();
        }
    }

    /** A commit that fails now is tried again; until then a restart would redo durable commands, harmlessly. */
    void commitQuietly() {
        try {
            commit();
        } catch (RuntimeException e) {
            LOG.warn("command ingest could not commit its offsets: {}", Failures.summary(e));
        }
    }

    /** Durable work is committed before a partition moves to another instance of the store. */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        commitQuietly();
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        partitions.forEach(uncommitted::remove);
    }
}
