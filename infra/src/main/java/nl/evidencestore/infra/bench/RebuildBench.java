package nl.evidencestore.infra.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import nl.evidencestore.infra.ProjectionRebuild;
import nl.evidencestore.query.timeline.RawTimelineIndexing;
import nl.evidencestore.shared.kafka.ForwardedEvents;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.kafka.KafkaConnection;
import nl.evidencestore.shared.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * quality.md W7: the rebuild from offset 0 ({@link ProjectionRebuild#into}, as {@code rebuild}
 * runs it) beside the raw Lucene rate for the same documents ({@link RawTimelineIndexing}),
 * both counted in documents per second.
 */
public final class RebuildBench {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int BATCH = 20_000;
    /** A broker that gives nothing for this long fails the bench instead of holding it for ever. */
    private static final Duration STALLED = Duration.ofSeconds(60);

    /** Both runs over the same events; the ratio is what W7 bounds (≥ 0.5). */
    public record Report(long documents, Duration raw, ProjectionRebuild.Result rebuild) {
        public double rawRate() {
            return documents * 1e9 / Math.max(1, raw.toNanos());
        }

        public double rebuildRate() {
            return rebuild.documents() * 1e9 / Math.max(1, rebuild.elapsed().toNanos());
        }

        public double ratio() {
            return rebuildRate() / rawRate();
        }
    }

    private RebuildBench() {
    }

    /**
     * The raw baseline first, then the rebuild from Kafka. The baseline reads the topic in
     * batches and times only Lucene's part, so it measures Lucene alone at any size. Lucene's
     * background merges go on while the next batch is read, untimed: if anything, that flatters
     * the baseline, and so makes the ratio harder to meet.
     */
    public static Report measure(String bootstrap, String eventsTopic, Path workDir) {
        long documents;
        Duration raw;
        try (RawTimelineIndexing index = RawTimelineIndexing.open(workDir.resolve("raw-index"))) {
            documents = readInBatches(bootstrap, eventsTopic, index::add);
            raw = index.finish();
        }
        ProjectionRebuild.Result rebuild = ProjectionRebuild.into(workDir.resolve("rebuilt-index"), KafkaConnection.plain(bootstrap),
                eventsTopic, ProjectionRebuild.Progress.NONE);
        return new Report(documents, raw, rebuild);
    }

    /**
     * Every event of the topic's one partition up to its end now, in batches of about
     * {@value #BATCH} (a poll's records more at most); watermark records carry none.
     */
    static long readInBatches(String bootstrap, String topic, Consumer<List<ForwardedEvent>> batches) {
        long read = 0;
        List<ForwardedEvent> batch = new ArrayList<>(BATCH);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(bootstrap))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).getOrDefault(partition, 0L);
            long position = consumer.position(partition);
            StallWatch stall = new StallWatch(STALLED);
            while (position < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end && record.value() != null && !isWatermark(record)) {
                        batch.add(ForwardedEvents.read(record.value()));
                    }
                }
                long at = consumer.position(partition);
                position = at;
                stall.observe(at, () -> "the events topic (at offset " + at + " of " + end + ")");
                if (batch.size() >= BATCH || position >= end) {
                    batches.accept(batch);
                    read += batch.size();
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
        return read;
    }

    private static Properties consumerProperties(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "evidence-rebuild-bench");
        return props;
    }

    private static boolean isWatermark(ConsumerRecord<byte[], byte[]> record) {
        Header type = record.headers().lastHeader(Topics.HEADER_EVENT_TYPE);
        return type != null && Topics.WATERMARK_TYPE.equals(new String(type.value(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
