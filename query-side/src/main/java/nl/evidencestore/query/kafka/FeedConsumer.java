package nl.evidencestore.query.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import nl.evidencestore.shared.kafka.KafkaConnection;

/** The feed's Kafka consumer: no group, offsets kept by the index, bytes decoded by the feed. */
final class FeedConsumer {
    private FeedConsumer() {
    }

    static Consumer<byte[], byte[]> connect(KafkaConnection kafka) {
        return new KafkaConsumer<>(kafka.settings(properties()));
    }

    private static Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>();
        // Raw bytes: a record that does not decode is skipped in apply(), instead of failing poll().
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // No group.id and no offset commits: the Lucene commit says where to resume, atomically with the documents.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new index, or an offset the topic no longer holds, replays the whole log (it never expires).
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // If the forwarder ever writes in transactions, an aborted record must not reach a projection.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Names the feed in broker logs and client metrics.
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "evidence-query-feed");
        // Bigger batches spread the refresh that ends each batch over more events, which a rebuild needs.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return props;
    }
}
