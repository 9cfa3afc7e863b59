package nl.evidencestore.query.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.Projection;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.kafka.KafkaConnection;
import nl.evidencestore.shared.kafka.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@link Topics#EVENTS} from the offset in the index's last commit, feeds each event to
 * the index and the projections, and advances the applied position once searchers see them.
 */
public final class EventFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(5);

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final TopicPartition partition;
    private final TimelineIndex index;
    private final List<Projection> projections;
    private final AppliedPosition applied;
    private final Duration commitInterval;
    private volatile long nextOffset;
    private long committedOffset;
    private volatile boolean running;
    private volatile Throwable failure;
    private Consumer<byte[], byte[]> consumer;
    private Thread thread;

    public EventFeed(KafkaConnection kafka, String topic, TimelineIndex index, List<Projection> projections,
                     AppliedPosition applied, Duration commitInterval) {
        this(() -> FeedConsumer.connect(kafka), topic, index, projections, applied, commitInterval);
    }

    public EventFeed(KafkaConnection kafka, String topic, TimelineIndex index, List<Projection> projections,
                     AppliedPosition applied) {
        this(kafka, topic, index, projections, applied, DEFAULT_COMMIT_INTERVAL);
    }

    /** The consumer is made only on start(), so that apply() can be tested without a broker. */
    EventFeed(Supplier<Consumer<byte[], byte[]>> consumers, String topic, TimelineIndex index,
              List<Projection> projections, AppliedPosition applied, Duration commitInterval) {
        this.consumers = consumers;
        // One partition: the consistency design needs one total order of events.
        this.partition = new TopicPartition(topic, 0);
        this.index = index;
        this.projections = List.copyOf(projections);
        this.applied = applied;
        this.commitInterval = commitInterval;
        this.nextOffset = index.committedOffset().orElse(0L);
        this.committedOffset = nextOffset;
        index.onVisible(this::visible);
        applied.onWait(this::hurryUnseen);
    }

    /** Seeks to the index's committed offset and starts polling on a thread of its own. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the event feed runs already");
        }
        consumer = consumers.get();
        consumer.assign(List.of(partition));
        consumer.seek(partition, nextOffset);
        running = true;
        thread = new Thread(this::pollLoop, "event-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next Kafka offset to apply. */
    public long nextOffset() {
        return nextOffset;
    }

    /** Why the feed stopped on its own, for the readiness check; empty while it runs. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** A batch's low-water mark, applied once searchers see the index's generation after it. */
    private record Pending(long generation, long lowWaterMark) {
    }

    /** Batches applied but not yet searchable, oldest first; the reopening thread takes them. */
    private final Deque<Pending> unseen = new ArrayDeque<>();
    /** The mark of the last batch applied, searchable or not: what a commit makes durable. */
    private long appliedMark = Long.MIN_VALUE;
    /** The newest generation searchers see. */
    private volatile long seenGeneration = Long.MIN_VALUE;

    /**
     * Applies one polled batch: every decodable event to the index and the projections.
     * Undecodable records are logged and skipped. The applied position moves once a reopen
     * makes the batch searchable; the feed does not wait for it.
     */
    void apply(List<ConsumerRecord<byte[], byte[]>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        long lowWaterMark = applied.current();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            FeedRecords.event(record).ifPresent(event -> dispatch(event, record.value(), record.offset()));
            // Also for a skipped record: it is dealt with, and holding the mark back would make
            // every minPosition at the tail wait for a record that will never come right.
            lowWaterMark = Math.max(lowWaterMark, FeedRecords.lowWaterMark(record).orElse(lowWaterMark));
            nextOffset = Math.max(nextOffset, record.offset() + 1);
        }
        appliedMark = Math.max(appliedMark, lowWaterMark);
        long generation = index.generation();
        synchronized (unseen) {
            unseen.addLast(new Pending(generation, lowWaterMark));
        }
        if (generation <= seenGeneration) {
            visible(seenGeneration); // nothing new to search (a watermark, or only skipped records)
        } else if (applied.awaited()) {
            index.hurry(generation);
        }
    }

    /**
     * A reader began to wait. A batch applied before it came asked for no quick reopen (nobody
     * waited then), so it asks now; a batch applied after sees the reader and asks itself.
     */
    private void hurryUnseen() {
        long newest;
        synchronized (unseen) {
            if (unseen.isEmpty()) {
                return;
            }
            newest = unseen.peekLast().generation();
        }
        index.hurry(newest);
    }

    /** Called after every reopen with the generation searchers now see. */
    private void visible(long generation) {
        long mark = Long.MIN_VALUE;
        synchronized (unseen) {
            seenGeneration = Math.max(seenGeneration, generation);
            while (!unseen.isEmpty() && unseen.peekFirst().generation() <= generation) {
                mark = Math.max(mark, unseen.pollFirst().lowWaterMark());
            }
        }
        applied.advanceTo(mark);
    }

    /**
     * The index first: it is what projections reload from. A projection that fails on one event
     * is logged and passed over, so that one read model's bug does not stop every other one; a
     * failing index does stop the feed, since nothing after it could be made durable.
     */
    private void dispatch(ForwardedEvent event, byte[] forwarded, long offset) {
        index.add(event, forwarded, offset);
        for (Projection projection : projections) {
            try {
                projection.on(event);
            } catch (RuntimeException e) {
                // Class and frame, not the message: a message may quote the event's content.
                LOG.error("{} failed on eventId {}: {} at {}", projection.getClass().getSimpleName(),
                        event.eventId(), e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            }
        }
    }

    private void pollLoop() {
        long lastCommit = System.nanoTime();
        try {
            while (running) {
                apply(consumer.poll(POLL_TIMEOUT).records(partition));
                if (System.nanoTime() - lastCommit >= commitInterval.toNanos()) {
                    commit();
                    lastCommit = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            // close() wakes the poll up to stop it.
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("event feed stopped at offset {}; projections no longer advance", nextOffset, e);
        } finally {
            commitQuietly();
            consumer.close();
        }
    }

    /** Only the poll thread (or close(), after it ended) commits, so offset and documents agree. */
    private void commit() {
        if (nextOffset != committedOffset) {
            // Everything applied is in the commit, searchable yet or not: a restart opens it all.
            index.commit(nextOffset, Math.max(appliedMark, applied.current()));
            committedOffset = nextOffset;
        }
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (RuntimeException e) {
            LOG.error("cannot commit the index while stopping; the feed resumes from the last commit", e);
        }
    }

    /** Stops polling and commits what was applied; the index stays open (its owner closes it). */
    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        running = false;
        if (thread.isAlive()) {
            consumer.wakeup();
        }
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("event feed did not stop within {}", STOP_TIMEOUT);
        }
    }
}
