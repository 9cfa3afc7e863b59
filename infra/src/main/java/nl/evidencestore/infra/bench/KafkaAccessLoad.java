package nl.evidencestore.infra.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import nl.evidencestore.shared.event.access.AccessRecorded;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * quality.md W2: the same accesses published one per record on the commands topic, with every
 * {@code invalidEvery}-th record invalid (it must go to the DLQ without slowing the rest), timed
 * from the first send until every valid access is durable in the event store.
 */
public final class KafkaAccessLoad {
    /** The outcome: valid accesses made durable, invalid records published, and how long it took. */
    public record Result(long durable, long invalid, Duration elapsed) {
        public double rate() {
            return durable / (elapsed.toNanos() / 1e9);
        }
    }

    private KafkaAccessLoad() {
    }

    public static Result run(AccessLoad accesses, List<String> agreements, int count, int invalidEvery,
                             String bootstrap, String topic, DataSource eventStore) throws Exception {
        long before = storedAccesses(eventStore);
        long invalid = 0;
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings(bootstrap))) {
            for (int i = 0; i < count; i++) {
                String body = accesses.access(agreements, i);
                boolean broken = invalidEvery > 0 && i % invalidEvery == invalidEvery - 1;
                if (broken) {
                    body = body.replace("\"purpose\":", "\"porpose\":");
                    invalid++;
                }
                String value = "{\"type\":\"access-events\",\"body\":" + body + "}";
                producer.send(new ProducerRecord<>(topic, agreements.get(i % agreements.size()),
                        value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        long valid = count - invalid;
        while (storedAccesses(eventStore) - before < valid) {
            Thread.sleep(50);
        }
        return new Result(valid, invalid, Duration.ofNanos(System.nanoTime() - started));
    }

    private static Properties settings(String bootstrap) {
        Properties properties = new Properties();
        properties.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        return properties;
    }

    private static long storedAccesses(DataSource eventStore) throws SQLException {
        try (Connection connection = eventStore.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT count(*) FROM DomainEventEntry WHERE payloadType = ?")) {
            select.setString(1, AccessRecorded.class.getName());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
