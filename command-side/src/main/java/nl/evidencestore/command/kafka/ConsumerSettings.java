package nl.evidencestore.command.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import nl.evidencestore.shared.kafka.KafkaConnection;

/** The consumer that reads the commands internal systems publish (api.md). */
public final class ConsumerSettings {
    /** Names the ingest in broker logs and client metrics. */
    public static final String INGEST_CLIENT_ID = "evidence-command-ingest";

    private ConsumerSettings() {
    }

    /** The settings of the {@code member}-th consumer of the store's ingest (from 0). */
    public static Map<String, Object> forCommandIngest(KafkaConnection kafka, String groupId, int member) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, INGEST_CLIENT_ID + "-" + member);
        // A run of up to 1,000 access records is one transaction: a poll must be able to bring that many.
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000);
        // The group's committed offsets are where ingest resumes after a restart; instances of one store share the partitions.
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // The ingest commits itself, and only offsets whose commands are durable (or dead-lettered).
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts at the oldest retained command: what was published before the first start is not skipped.
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A publisher that writes in transactions must not have the commands of an aborted one applied.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Raw bytes: a record that does not decode goes to the DLQ, instead of failing every poll() after it.
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return kafka.settings(settings);
    }
}
