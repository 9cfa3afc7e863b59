package nl.evidencestore.command.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.evidencestore.command.access.AccessResult;
import nl.evidencestore.command.access.AccessSubmitter;
import nl.evidencestore.command.access.ReportedAccess;
import nl.evidencestore.command.access.ReportedAccesses;
import nl.evidencestore.command.catalog.CommandCatalog;
import nl.evidencestore.command.submit.CommandSubmitter;
import nl.evidencestore.shared.kafka.TopicNames;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** Access records taken in one transaction at most. */
    private static final int MAX_RUN = 1000;

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final CommandRecords records;
    private final CommandSubmitter submitter;
    private final AccessSubmitter accesses;
    private final DeadLetters deadLetters;
    private final Counter accepted;
    private final Counter repeated;
    private final Counter deadLettered;
    private final Counter retries;
    private final IngestOffsets offsets;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final String name;
    private Thread thread;
    private boolean closed;

    /** The ingest owns the consumer from here on and closes it; the producer stays its owner's. */
    public CommandIngest(String name, Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> deadLetterProducer,
                         TopicNames topics, CommandCatalog catalog, CommandSubmitter submitter, AccessSubmitter accesses,
                         MeterRegistry metrics) {
        this.name = name;
        this.consumer = consumer;
        this.offsets = new IngestOffsets(consumer);
        this.topic = topics.commands();
        this.records = new CommandRecords(catalog);
        this.submitter = submitter;
        this.accesses = accesses;
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
        consumer.subscribe(List.of(topic), offsets);
        thread = new Thread(this::pollLoop, name);
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
                    offsets.commit();
                    // Only records handled show that the failure is over: the poll after a rewind may well be empty.
                    if (!batch.isEmpty()) {
                        backoff = FIRST_BACKOFF;
                    }
                } catch (RuntimeException e) {
                    retries.increment();
                    LOG.warn("command ingest backs off for {} ms and retries: {}", backoff.toMillis(), Failures.summary(e));
                    offsets.commitQuietly();
                    if (stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                    backoff = longer(backoff);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            offsets.commitQuietly();
            consumer.close();
        }
    }

    private static Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) < 0 ? doubled : MAX_BACKOFF;
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
            Progress progress = new Progress(first);
            try {
                handle(slice, progress);
                DeadLetters.awaitDelivered(progress.letters);
                if (progress.done > first) {
                    offsets.done(partition, progress.done);
                }
            } catch (RuntimeException failure) {
                // Dead letters lost on the way would be lost for good: then this slice is done again, all of it.
                long resume = DeadLetters.delivered(progress.letters) ? progress.done : first;
                if (resume > first) {
                    offsets.done(partition, resume);
                }
                consumer.seek(partition, resume);
                partitions.subList(i + 1, partitions.size())
                        .forEach(later -> consumer.seek(later, batch.records(later).get(0).offset()));
                throw failure;
            }
        }
    }

    /** How far a partition's slice is: every record before {@code done} is durable or on its way to the DLQ. */
    private static final class Progress {
        final List<Future<RecordMetadata>> letters = new ArrayList<>();
        final List<AccessRecord> run = new ArrayList<>();
        /** The accesses of {@link #run}'s records, counted as they join rather than summed again for each record. */
        int accessesInRun;
        /**
         * Past the last record sent to the DLQ while {@link #run} was pending: the run, once done,
         * moves past it too; left out, it would stay uncommitted until another record came to its partition.
         */
        long deadLetteredThrough;
        long done;

        Progress(long first) {
            this.done = first;
        }

        /** Whether {@code next} may join the run: one transaction holds at most so many records and accesses. */
        boolean fits(AccessRecord next) {
            return run.size() < MAX_RUN && accessesInRun + next.accesses().size() <= ReportedAccesses.MAX_BATCH;
        }

        void join(AccessRecord next) {
            run.add(next);
            accessesInRun += next.accesses().size();
        }

        /** The run is done: the slice's progress moves past it and the dead letters between and after its records. */
        void runDone() {
            done = Math.max(run.get(run.size() - 1).record().offset() + 1, deadLetteredThrough);
            run.clear();
            accessesInRun = 0;
        }
    }

    /**
     * Consecutive access records go in one transaction, as one batch over HTTP would (W2). A
     * record that does not parse goes to the DLQ at once and does not end the run: accesses
     * are facts of their own. Any other command ends it, since later accesses are judged
     * against what it changes.
     */
    private void handle(List<ConsumerRecord<byte[], byte[]>> slice, Progress progress) {
        for (ConsumerRecord<byte[], byte[]> record : slice) {
            if (stopping.getCount() == 0) {
                break; // closing: the rest is for the next start
            }
            Optional<CommandRecords.Parsed> parsed = parse(record, progress.letters);
            if (parsed.isEmpty()) {
                if (progress.run.isEmpty()) {
                    progress.done = record.offset() + 1;
                } else {
                    progress.deadLetteredThrough = record.offset() + 1;
                }
            } else if (parsed.get() instanceof CommandRecords.Accesses accesses) {
                AccessRecord next = new AccessRecord(record, accesses.accesses());
                if (!progress.fits(next)) {
                    handleRun(progress);
                }
                progress.join(next);
            } else {
                handleRun(progress);
                submitOne(record, parsed.get(), progress.letters);
                progress.done = record.offset() + 1;
            }
        }
        handleRun(progress);
    }

    /** The record parsed, or empty once it is on its way to the DLQ. */
    private Optional<CommandRecords.Parsed> parse(ConsumerRecord<byte[], byte[]> record,
                                                  List<Future<RecordMetadata>> letters) {
        try {
            return Optional.of(records.parse(record.value()));
        } catch (RuntimeException e) {
            // Parsing reads nothing but the record: what fails here fails on every retry, and a
            // retry for ever would stop the partition. Even a failure that is not a refusal (a bug)
            // sends the record to the DLQ.
            letters.add(Refusal.of(e).isPresent() ? refuse(record, e) : unreadable(record, e));
            return Optional.empty();
        }
    }

    /** Submits one record's command; a refusal sends the record to the DLQ, any other failure is thrown. */
    private void submitOne(ConsumerRecord<byte[], byte[]> record, CommandRecords.Parsed parsed,
                           List<Future<RecordMetadata>> letters) {
        boolean wasRepeat;
        try {
            wasRepeat = submit(parsed);
        } catch (RuntimeException e) {
            letters.add(refuse(record, e));
            return;
        }
        (wasRepeat ? repeated : accepted).increment();
    }

    private Future<RecordMetadata> unreadable(ConsumerRecord<byte[], byte[]> record, RuntimeException e) {
        deadLettered.increment();
        // The class only: the message of an unexpected failure may quote the record.
        LOG.warn("command record {}-{}@{} could not be read ({}), to the DLQ", record.topic(), record.partition(),
                record.offset(), e.getClass().getName());
        return deadLetters.send(record, new Refusal("Unreadable",
                "the record could not be read (" + e.getClass().getSimpleName() + ")", null));
    }

    private Future<RecordMetadata> refuse(ConsumerRecord<byte[], byte[]> record, RuntimeException e) {
        Refusal refusal = Refusal.of(e).orElseThrow(() -> e);
        deadLettered.increment();
        // Offsets and the class only: the reason may name the fields of a personal record.
        LOG.info("command record {}-{}@{} refused ({}), to the DLQ", record.topic(), record.partition(),
                record.offset(), refusal.errorClass());
        return deadLetters.send(record, refusal);
    }

    /** A record of accesses that parsed: only those may share a transaction with others. */
    private record AccessRecord(ConsumerRecord<byte[], byte[]> record, List<ReportedAccess> accesses) {
    }

    /**
     * The run in one transaction: when one of its records is refused, the run is taken again
     * record by record, so that only that record goes to the DLQ. Done, it moves the slice's
     * progress past its last record and the dead letters between and after its records.
     */
    private void handleRun(Progress progress) {
        List<AccessRecord> run = progress.run;
        if (run.isEmpty()) {
            return;
        }
        if (run.size() == 1 || !submitTogether(run)) {
            run.forEach(each -> submitOne(each.record(), new CommandRecords.Accesses(each.accesses()), progress.letters));
        }
        progress.runDone();
    }

    private boolean submitTogether(List<AccessRecord> run) {
        AccessResult.Batch batch;
        try {
            batch = accesses.submit(run.stream().flatMap(each -> each.accesses().stream()).toList());
        } catch (RuntimeException e) {
            if (Refusal.of(e).isPresent()) {
                return false;
            }
            throw e;
        }
        int from = 0;
        for (AccessRecord each : run) {
            int to = from + each.accesses().size();
            (batch.results().subList(from, to).stream().allMatch(AccessResult::repeated) ? repeated : accepted)
                    .increment();
            from = to;
        }
        return true;
    }

    /** Whether everything the record asked for was recorded before. */
    private boolean submit(CommandRecords.Parsed parsed) {
        if (parsed instanceof CommandRecords.Accesses batch) {
            return accesses.submit(batch.accesses()).allRepeated();
        }
        return submitter.submit(((CommandRecords.One) parsed).command()).repeated();
    }

    /**
     * Tells the loop to stop after the poll in hand, without waiting: a store closes all its
     * consumers at once this way, then waits for each with {@link #close}.
     */
    public void stopTaking() {
        stopping.countDown();
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
