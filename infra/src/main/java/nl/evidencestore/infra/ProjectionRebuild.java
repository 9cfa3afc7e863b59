package nl.evidencestore.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import nl.evidencestore.infra.embedded.EmbeddedKafka;
import nl.evidencestore.query.kafka.EventFeed;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.kafka.KafkaConnection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Rebuilds the timeline index and every projection from the events topic, offset 0 up to the
 * end offset seen at the start, with the same wiring as the live query side
 * ({@link QuerySide.Projections}); then swaps the new index in place of the old one.
 *
 * <p>The store must be stopped: a running store holds the Lucene write lock of its index (and,
 * when embedded, the broker's data directory), which this refuses to run against. It never opens
 * the database, so it needs no {@link DatabaseLease}.
 */
public final class ProjectionRebuild {
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Told how far the rebuild got; called from the rebuilding thread only. */
    public interface Progress {
        void started(long events);

        void advanced(long eventsApplied);

        void finished(Result result);

        Progress NONE = new Progress() {
            @Override
            public void started(long events) {
            }

            @Override
            public void advanced(long eventsApplied) {
            }

            @Override
            public void finished(Result result) {
            }
        };
    }

    /** Offsets applied (the events read), documents in the new index, and how long it took. */
    public record Result(long events, long documents, Duration elapsed) {
        public double eventsPerSecond() {
            return elapsed.isZero() ? events : events * 1_000_000_000.0 / elapsed.toNanos();
        }
    }

    private ProjectionRebuild() {
    }

    /**
     * {@code rebuild} as the CLI runs it: same settings as {@code serve}; the embedded broker
     * (and nothing else) when no bootstrap is configured; builds {@code index.rebuild} beside
     * {@code index}, then swaps it in, keeping {@code index.previous} until the swap succeeded.
     */
    public static Result rebuild(Settings settings, Progress progress) {
        Path live = settings.dataDir().resolve("index");
        refuseIfInUse(live);
        Path rebuilt = settings.dataDir().resolve("index.rebuild");
        EmbeddedKafka embedded = settings.embeddedKafka()
                ? EmbeddedKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort()) : null;
        try {
            KafkaConnection kafka = embedded != null ? KafkaConnection.plain(embedded.bootstrapServers())
                    : settings.externalKafka();
            Result result = into(rebuilt, kafka, settings.topics().events(), progress);
            refuseIfInUse(live);
            swap(rebuilt, live);
            return result;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /**
     * Builds a new index in {@code indexDir} (emptied first) from offset 0 of {@code eventsTopic}
     * up to its end offset at the start, and commits it with the offset reached.
     */
    public static Result into(Path indexDir, KafkaConnection kafka, String eventsTopic, Progress progress) {
        deleteRecursively(indexDir);
        long start = System.nanoTime();
        long end = endOffset(kafka, eventsTopic);
        progress.started(end);
        try (TimelineIndex index = TimelineIndex.open(indexDir)) {
            QuerySide.Projections projections = QuerySide.Projections.reloadedFrom(index);
            EventFeed feed = projections.feed(index, kafka, eventsTopic);
            long reached;
            try {
                feed.start();
                while ((reached = feed.nextOffset()) < end) {
                    if (feed.failure().isPresent()) {
                        throw new IllegalStateException("the event feed stopped at offset " + reached,
                                feed.failure().get());
                    }
                    progress.advanced(reached);
                    LockSupport.parkNanos(PROGRESS_EVERY_NANOS);
                }
            } finally {
                feed.close(); // commits the index with the offset it reached
            }
            if (end == 0) {
                index.commit(0, 0);
            }
            progress.advanced(reached);
            // Counted by a searcher that sees every document: the idle reopen may not have come yet.
            index.refresh();
            Result result = new Result(reached, index.documentCount(), Duration.ofNanos(System.nanoTime() - start));
            progress.finished(result);
            return result;
        }
    }

    /** The offset after the last committed record of partition 0 (the feed's one partition). */
    static long endOffset(KafkaConnection kafka, String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "evidence-rebuild-end-offset");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.settings(props))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return consumer.endOffsets(List.of(partition), Duration.ofSeconds(60)).getOrDefault(partition, 0L);
        }
    }

    /** A running store holds its index's Lucene write lock for as long as it runs. */
    static void refuseIfInUse(Path indexDir) {
        if (!Files.isDirectory(indexDir)) {
            return;
        }
        try (Directory directory = FSDirectory.open(indexDir);
             Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            lock.ensureValid();
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("the store appears to be running on " + indexDir.getParent()
                    + " (the index " + indexDir + " is locked); stop it before rebuilding", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the lock of " + indexDir, e);
        }
    }

    /** {@code live} becomes {@code index.previous}, {@code rebuilt} becomes {@code live}, then the previous goes. */
    static void swap(Path rebuilt, Path live) {
        Path previous = live.resolveSibling(live.getFileName() + ".previous");
        try {
            deleteRecursively(previous);
            boolean hadLive = Files.exists(live);
            if (hadLive) {
                Files.move(live, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(rebuilt, live, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (hadLive) {
                    Files.move(previous, live, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            deleteRecursively(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot swap " + rebuilt + " in place of " + live, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
