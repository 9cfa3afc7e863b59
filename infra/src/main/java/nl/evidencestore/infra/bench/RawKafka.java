package nl.evidencestore.infra.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.evidencestore.infra.kafka.KafkaTopics;
import nl.evidencestore.infra.kafka.TopicSpec;
import nl.evidencestore.shared.kafka.KafkaConnection;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** For information beside W1: the raw producer rate on the same broker (acks=all, idempotent). */
public final class RawKafka {
    private RawKafka() {
    }

    /** Records per second into a scratch topic of one partition, deleted afterwards by retention. */
    public static double produceRate(String bootstrap, int records, byte[] value) throws Exception {
        String topic = "bench-raw-" + UUID.randomUUID();
        KafkaTopics.ensure(KafkaConnection.plain(bootstrap), List.of(new TopicSpec(topic, 1, Map.of("retention.ms", "60000"))),
                Duration.ofSeconds(30));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 65536,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "agreement-" + (i % 50), value));
            }
            producer.flush();
            return records / ((System.nanoTime() - started) / 1e9);
        }
    }
}
