package nl.evidencestore.infra.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import nl.evidencestore.shared.kafka.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A store's command topics as an internal system and an operator see them: publish command
 * records, read the dead letters, look at the ingest group's committed offsets.
 */
public final class CommandTopic implements AutoCloseable {
    private final String kafka;
    private final TopicNames topics;
    private final KafkaProducer<String, byte[]> producer;

    public CommandTopic(String kafka, TopicNames topics) {
        this.kafka = kafka;
        this.topics = topics;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** The value of a command record. */
    public static String command(String type, String body) {
        return "{\"type\":\"" + type + "\",\"body\":" + body + "}";
    }

    /** Publishes one record and returns once the broker has it. */
    public RecordMetadata publish(String key, String value) {
        return await(producer.send(new ProducerRecord<>(topics.commands(), key, utf8(value))));
    }

    /** Publishes records (key, value as bytes, which need not be UTF-8) in order; returns once the broker has them all. */
    public List<RecordMetadata> publishBytes(String key, List<byte[]> values) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        values.forEach(value -> sent.add(producer.send(new ProducerRecord<>(topics.commands(), key, value))));
        return sent.stream().map(CommandTopic::await).toList();
    }

    /** Publishes records (key, value) in order and returns once the broker has them all. */
    public List<RecordMetadata> publishAll(List<Map.Entry<String, String>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        records.forEach(record ->
                sent.add(producer.send(new ProducerRecord<>(topics.commands(), record.getKey(), utf8(record.getValue())))));
        return sent.stream().map(CommandTopic::await).toList();
    }

    /** Every record on the commands topic, as published. */
    public List<ConsumerRecord<byte[], byte[]>> commands() {
        return readAll(topics.commands());
    }

    /** Every record on the DLQ so far. */
    public List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        return readAll(topics.commandsDlq());
    }

    /** The ingest group's committed offsets: the next record to handle in each partition it committed. */
    public Map<TopicPartition, Long> committed() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(topics.commandIngestGroup())
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream()
                    .filter(entry -> entry.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    public static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static RecordMetadata await(Future<RecordMetadata> sent) {
        try {
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
