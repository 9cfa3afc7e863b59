package nl.evidencestore.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import nl.evidencestore.infra.kafka.KafkaTopics;
import nl.evidencestore.shared.kafka.KafkaConnection;
import nl.evidencestore.shared.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.internals.Exit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {
    private static final int RECORDS = 10_000;
    private static final TopicPartition EVENTS = new TopicPartition(Topics.EVENTS, 0);

    @TempDir
    Path dir;

    @Test
    void keepsEveryAcknowledgedRecordAcrossARestart() throws Exception {
        Path dataDir = dir.resolve("kafka");
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            KafkaTopics.ensure(KafkaConnection.plain(kafka.bootstrapServers()), KafkaTopics.storeTopics(), Duration.ofSeconds(30));
            produce(kafka.bootstrapServers());
            assertThat(consumeAll(kafka.bootstrapServers())).isEqualTo(expectedValues());
            clusterId = clusterId(kafka.bootstrapServers());
            assertThat(kafka.fatalFault()).isEmpty();
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            assertThat(clusterId(kafka.bootstrapServers())).as("not reformatted").isEqualTo(clusterId);
            assertThat(consumeAll(kafka.bootstrapServers())).isEqualTo(expectedValues());
        }
    }

    @Test
    void aFatalBrokerFaultIsReportedInsteadOfHaltingTheJvm() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            // What Kafka's fault handlers call; unguarded, this line would end the test run.
            assertThatThrownBy(() -> Exit.halt(1, "simulated metadata fault"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("simulated metadata fault");
            assertThat(kafka.fatalFault()).hasValueSatisfying(fault -> assertThat(fault).contains("halt"));
        }
    }

    @Test
    void everyBrokerSettingIsOneKafkaKnows() {
        assertThat(KafkaConfig.configDef().names())
                .containsAll(EmbeddedKafka.brokerProperties(dir, 1, 2).keySet());
    }

    private static void produce(String bootstrap) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String value : expectedValues()) {
                sent.add(producer.send(new ProducerRecord<>(Topics.EVENTS, value, value)));
            }
            producer.flush();
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static List<String> consumeAll(String bootstrap) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(List.of(EVENTS));
            consumer.seekToBeginning(List.of(EVENTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= RECORDS;
            });
            // Nothing beyond what was produced, either.
            assertThat(consumer.position(EVENTS)).isEqualTo(RECORDS);
        }
        return values;
    }

    private static String clusterId(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> expectedValues() {
        List<String> values = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            values.add("record-" + i);
        }
        return values;
    }
}
