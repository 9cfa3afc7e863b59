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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import nl.evidencestore.shared.event.access.AccessRecorded;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * quality.md W2: the same accesses published one per record on the commands topic, with every
 * {@code invalidEvery}-th record invalid (it must go to the DLQ without slowing the rest), timed
 * from the first send until the ingest has committed every record's offset: it commits only what
 * is durable in the event store or on the DLQ. The event store is counted once before and once
 * after, never while the load runs: a count scans the whole event table, and counting every 50 ms
 * cost PostgreSQL more CPU per access than the ingest itself and slowed what it measured.
 */
public final class KafkaAccessLoad {
    private static final Duration STALLED = Duration.ofSeconds(60);
    /** The outcome: valid accesses made durable, invalid records published, and how long it took. */
    public record Result(long durable, long invalid, Duration elapsed) {
        public double rate() {
            return durable / (elapsed.toNanos() / 1e9);
        }
    }

    private KafkaAccessLoad() {
    }

    public static Result run(AccessLoad accesses, List<String> agreements, int count, int invalidEvery,
                             String bootstrap, String topic, String ingestGroup, DataSource eventStore) throws Exception {
        long before = storedAccesses(eventStore);
        long invalid = 0;
        Map<TopicPartition, Long> lastOffsets = new ConcurrentHashMap<>();
        AtomicReference<Exception> failedSend = new AtomicReference<>();
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
                        value.getBytes(StandardCharsets.UTF_8)), (sent, failure) -> {
                            if (failure != null) {
                                failedSend.compareAndSet(null, failure);
                            } else {
                                lastOffsets.merge(new TopicPartition(sent.topic(), sent.partition()), sent.offset(), Math::max);
                            }
                        });
            }
            producer.flush();
        }
        if (failedSend.get() != null) {
            throw new IllegalStateException("a record could not be published", failedSend.get());
        }
        awaitCommitted(bootstrap, ingestGroup, lastOffsets);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        long valid = count - invalid;
        long stored = storedAccesses(eventStore) - before;
        if (stored != valid) {
            throw new IllegalStateException("the ingest committed every record, but the event store holds " + stored
                    + " of the " + valid + " valid accesses");
        }
        return new Result(valid, invalid, elapsed);
    }

    /**
     * Until the ingest's group has committed past the last record published to each partition;
     * fails when its commits stop moving for {@link #STALLED} short of that.
     */
    private static void awaitCommitted(String bootstrap, String group, Map<TopicPartition, Long> lastOffsets)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            StallWatch stall = new StallWatch(STALLED);
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                if (committedPast(committed, lastOffsets)) {
                    return;
                }
                stall.observe(committed, () -> "the ingest's commits (at " + committed
                        + ", short of the last records published " + lastOffsets + ")");
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    private static boolean committedPast(Map<TopicPartition, OffsetAndMetadata> committed,
                                         Map<TopicPartition, Long> lastOffsets) {
        return lastOffsets.entrySet().stream().allMatch(last -> {
            OffsetAndMetadata offset = committed.get(last.getKey());
            return offset != null && offset.offset() > last.getValue();
        });
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
