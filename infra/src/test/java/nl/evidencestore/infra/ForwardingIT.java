package nl.evidencestore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import nl.evidencestore.command.agreement.DraftAgreement;
import nl.evidencestore.command.submit.Receipt;
import nl.evidencestore.infra.kafka.KafkaTopics;
import nl.evidencestore.infra.support.SharedInfrastructure;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.kafka.KafkaConnection;
import nl.evidencestore.shared.kafka.TopicNames;
import nl.evidencestore.shared.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The Kafka leg counted: every event the store holds reaches the topic, across restarts of the
 * command side, from concurrent writers whose transactions commit out of order.
 */
class ForwardingIT {
    private static final int WRITERS = 4;
    private static final int PER_PHASE = 300;

    private final DataSource database = SharedInfrastructure.freshDatabase();
    private final TopicNames topics = TopicNames.withPrefix("forwarding-" + UUID.randomUUID() + ".");
    private final String kafka = SharedInfrastructure.kafkaBootstrap();

    @Test
    void everyStoredEventIsForwardedAcrossRestarts() throws Exception {
        KafkaTopics.ensure(KafkaConnection.plain(kafka), KafkaTopics.storeTopics(topics, 1, 1, Duration.ofDays(1)), Duration.ofSeconds(30));
        List<String> acknowledged = new ArrayList<>();
        for (int phase = 0; phase < 3; phase++) {
            try (CommandSide commands = CommandSide.start(database, kafka, topics, Duration.ofSeconds(2), new SimpleMeterRegistry())) {
                acknowledged.addAll(draftConcurrently(commands, phase));
            }
        }
        long stored = storedEvents();
        assertThat(acknowledged).hasSize(3 * PER_PHASE);
        assertThat(stored).isEqualTo(3 * PER_PHASE);

        try (CommandSide restarted = CommandSide.start(database, kafka, topics, Duration.ofSeconds(2), new SimpleMeterRegistry());
             KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Set<String> forwarded = new HashSet<>();
            List<Long> marks = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    marks.add(ByteBuffer.wrap(record.headers().lastHeader(Topics.HEADER_LOW_WATER_MARK).value()).getLong());
                    if (record.value() != null) {
                        forwarded.add(Json.mapper().readTree(record.value()).get("eventId").asText());
                    }
                }
                return forwarded.size() >= stored;
            });
            assertThat(forwarded).containsAll(acknowledged).hasSize((int) stored);
            assertThat(marks).isSortedAccordingTo(Long::compare);
        }
    }

    /**
     * quality.md W3: a burst of requests takes every request connection; the forwarder, the
     * event store's reader and the log must not wait behind it, so they borrow from a pool of
     * their own.
     */
    @Test
    void eventsAreCarriedOnByConnectionsOfThePipelinesOwnPool() throws Exception {
        String name = SharedInfrastructure.freshDatabaseName();
        Borrowers requests = new Borrowers(SharedInfrastructure.postgres().dataSource(name));
        Borrowers pipeline = new Borrowers(SharedInfrastructure.postgres().dataSource(name, "pipeline", 6));
        KafkaTopics.ensure(KafkaConnection.plain(kafka), KafkaTopics.storeTopics(topics, 1, 1, Duration.ofDays(1)), Duration.ofSeconds(30));
        try (CommandSide commands = CommandSide.start(requests.dataSource(), pipeline.dataSource(), KafkaConnection.plain(kafka), topics,
                new SimpleMeterRegistry(), CommandSide.Options.DEFAULTS);
             KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            String eventId = commands.submitter().submit(draft("agr-fwd-pool")).eventIds().get(0);
            Set<String> forwarded = new HashSet<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        forwarded.add(Json.mapper().readTree(record.value()).get("eventId").asText());
                    }
                }
                return forwarded.contains(eventId);
            });
        }
        assertThat(pipeline.threads()).anyMatch(thread -> thread.startsWith("EventProcessor[evidence-forwarder]"))
                .anyMatch(thread -> thread.startsWith("EmbeddedEventStore"));
        assertThat(requests.threads()).noneMatch(thread -> thread.startsWith("EventProcessor[")
                || thread.startsWith("EmbeddedEventStore"));
    }

    /** A pool's DataSource that remembers which threads asked it for a connection. */
    private record Borrowers(DataSource pool, Set<String> threads) {
        Borrowers(DataSource pool) {
            this(pool, java.util.concurrent.ConcurrentHashMap.newKeySet());
        }

        DataSource dataSource() {
            return (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getConnection")) {
                            threads.add(Thread.currentThread().getName());
                        }
                        try {
                            return method.invoke(pool, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    private List<String> draftConcurrently(CommandSide commands, int phase) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            ConcurrentLinkedQueue<String> eventIds = new ConcurrentLinkedQueue<>();
            List<Future<?>> submitted = IntStream.range(0, PER_PHASE)
                    .mapToObj(i -> writers.submit(() -> {
                        Receipt receipt = commands.submitter().submit(draft("agr-fwd-" + phase + "-" + i));
                        eventIds.addAll(receipt.eventIds());
                    }))
                    .<Future<?>>map(future -> future).toList();
            for (Future<?> future : submitted) {
                future.get();
            }
            return List.copyOf(eventIds);
        } finally {
            writers.shutdownNow();
        }
    }

    private static DraftAgreement draft(String id) {
        return Json.read(nl.evidencestore.infra.support.Requests.draft(id, "practice-forwarding")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), DraftAgreement.class);
    }

    private long storedEvents() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM DomainEventEntry")) {
            row.next();
            return row.getLong(1);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        TopicPartition partition = new TopicPartition(topics.events(), 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }
}
