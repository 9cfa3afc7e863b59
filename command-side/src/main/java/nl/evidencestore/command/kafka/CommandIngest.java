package nl.evidencestore.command.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.evidencestore.command.catalog.CommandCatalog;
import nl.evidencestore.command.submit.CommandSubmitter;
import nl.evidencestore.command.submit.Receipt;
import nl.evidencestore.shared.kafka.TopicNames;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the commands internal systems publish on the commands topic (api.md) through the same
 * binding and submitter as HTTP, so validation and idempotency are the same.
 *
 * <p>Each partition's records are handled in order, and an offset is committed only once the
 * command before it is durable, or its record is on the DLQ. A refused record (a client error)
 * goes to the DLQ and the ingest moves on. Anything else (the database or the broker down) is
 * retried with backoff from the first record not done, without committing it: a redelivered
 * command that did get stored is a repeat, and appends nothing.
 */
public final class CommandIngest implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandIngest.class);
    /** Also how long close() may wait for the loop to notice. */
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final CommandRecords records;
    private final CommandSubmitter submitter;
    private final DeadLetters deadLetters;
    private final Counter accepted;
    private final Counter repeated;
    private final Counter deadLettered;
    private final Counter retries;
    /** Offsets up to which everything is durable, not yet committed; only the ingest's thread uses it. */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread thread;
    private boolean closed;

    /** The ingest owns the consumer from here on and closes it; the producer stays its owner's. */
    public CommandIngest(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> deadLetterProducer,
                         TopicNames topics, CommandCatalog catalog, CommandSubmitter submitter, MeterRegistry metrics) {
        this.consumer = consumer;
        this.topic = topics.commands();
        this.records = new CommandRecords(catalog);
        this.submitter = submitter;
        this.deadLetters = new DeadLetters(deadLetterProducer, topics.commandsDlq());
        this.accepted = outcome(metrics, "accepted", "new commands made durable");
        this.repeated = outcome(metrics, "repeated", "repeats of durable commands, which appended nothing");
        this.deadLettered = outcome(metrics, "dead-lettered", "records refused and published to the DLQ");
        this.retries = Counter.builder("evidence.ingest.retries")
                .description("times the ingest backed off after a failure that was not the record's fault")
                .register(metrics);
    }

    private static Counter outcome(MeterRegistry metrics, String outcome, String description) {
        return Counter.builder("evidence.ingest.records").tag("outcome", outcome).description(description)
                .register(metrics);
    }

    /** Joins the group and handles records on a thread of its own. */
    public synchronized void start() {
        if (thread != null || closed) {
            throw new IllegalStateException("the command ingest was started already");
        }
        consumer.subscribe(List.of(topic), new CommitBeforeRevocation());
        thread = new Thread(this::pollLoop, "command-ingest");
        thread.setDaemon(true);
        thread.start();
    }

    private void pollLoop() {
        Duration backoff = FIRST_BACKOFF;
        try {
            while (stopping.getCount() > 0) {
                try {
                    ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL_TIMEOUT);
                    handle(batch);
                    commit();
                    // Only records handled show that the failure is over: the poll after a rewind may well be empty.
                    if (!batch.isEmpty()) {
                        backoff = FIRST_BACKOFF;
                    }
                } catch (RuntimeException e) {
                    retries.increment();
                    LOG.warn("command ingest backs off for {} ms and retries: {}", backoff.toMillis(), summary(e));
                    commitQuietly();
                    if (stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) < 0 ? backoff.multipliedBy(2) : MAX_BACKOFF;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            commitQuietly();
            consumer.close();
        }
    }

    /**
     * One poll, partition by partition, each in offset order. On a failure the consumer is
     * rewound to the first record not done in every partition not finished, and the failure
     * is rethrown; what was done stays marked for commit.
     */
    private void handle(ConsumerRecords<byte[], byte[]> batch) {
        List<TopicPartition> partitions = List.copyOf(batch.partitions());
        for (int i = 0; i < partitions.size(); i++) {
            TopicPartition partition = partitions.get(i);
            List<ConsumerRecord<byte[], byte[]>> slice = batch.records(partition);
            long first = slice.get(0).offset();
            long next = first;
            List<Future<RecordMetadata>> letters = new ArrayList<>();
            try {
                for (ConsumerRecord<byte[], byte[]> record : slice) {
                    handle(record).ifPresent(letters::add);
                    next = record.offset() + 1;
                }
                awaitDelivered(letters);
                uncommitted.put(partition, new OffsetAndMetadata(next));
            } catch (RuntimeException failure) {
                // Dead letters lost on the way would be lost for good: then this slice is done again, all of it.
                long resume = delivered(letters) ? next : first;
                if (resume > first) {
                    uncommitted.put(partition, new OffsetAndMetadata(resume));
                }
                consumer.seek(partition, resume);
                partitions.subList(i + 1, partitions.size())
                        .forEach(later -> consumer.seek(later, batch.records(later).get(0).offset()));
                throw failure;
            }
        }
    }

    /**
     * Parse, bind, submit: empty once the command is durable, or the dead letter on its way
     * when the record is refused. Any other failure is thrown, for the poll loop to retry.
     */
    private Optional<Future<RecordMetadata>> handle(ConsumerRecord<byte[], byte[]> record) {
        Receipt receipt;
        try {
            receipt = submitter.submit(records.commandOf(record.value()));
        } catch (RuntimeException e) {
            Refusal refusal = Refusal.of(e).orElseThrow(() -> e);
            deadLettered.increment();
            // Offsets and the class only: the reason may name the fields of a personal record.
            LOG.info("command record {}-{}@{} refused ({}), to the DLQ", record.topic(), record.partition(),
                    record.offset(), refusal.errorClass());
            return Optional.of(deadLetters.send(record, refusal));
        }
        (receipt.repeated() ? repeated : accepted).increment();
        return Optional.empty();
    }

    private static void awaitDelivered(List<Future<RecordMetadata>> letters) {
        try {
            for (Future<RecordMetadata> letter : letters) {
                letter.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing dead letters", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the DLQ did not acknowledge a dead letter", e.getCause());
        }
    }

    private static boolean delivered(List<Future<RecordMetadata>> letters) {
        try {
            awaitDelivered(letters);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void commit() {
        // A partition taken away (and maybe further along elsewhere) is no longer ours to commit.
        uncommitted.keySet().retainAll(consumer.assignment());
        if (!uncommitted.isEmpty()) {
            consumer.commitSync(uncommitted, COMMIT_TIMEOUT);
            uncommitted.clear();
        }
    }

    /** A commit that fails now is tried again; until then a restart would redo durable commands, harmlessly. */
    private void commitQuietly() {
        try {
            commit();
        } catch (RuntimeException e) {
            LOG.warn("command ingest could not commit its offsets: {}", summary(e));
        }
    }

    /** The failure's classes (and SQL states), without messages: those can quote what was sent. */
    private static String summary(Throwable failure) {
        StringJoiner chain = new StringJoiner(" caused by ");
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
            String state = cause instanceof SQLException sql && sql.getSQLState() != null ? " " + sql.getSQLState() : "";
            chain.add(cause.getClass().getName() + state);
        }
        return chain.toString();
    }

    /** Durable work is committed before a partition moves to another instance of the store. */
    private final class CommitBeforeRevocation implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitQuietly();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(uncommitted::remove);
        }
    }

    /** Stops after the records in hand and commits what is durable; then the consumer is closed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopping.countDown();
        if (thread == null) {
            consumer.close();
            return;
        }
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("command ingest did not stop within {}", STOP_TIMEOUT);
        }
    }
}
