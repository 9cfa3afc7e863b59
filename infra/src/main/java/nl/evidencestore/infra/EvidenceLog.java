package nl.evidencestore.infra;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import javax.sql.DataSource;
import nl.evidencestore.command.log.Checkpoints;
import nl.evidencestore.command.log.LogAppender;
import nl.evidencestore.command.log.LogTree;
import nl.evidencestore.command.log.StreamHeads;
import nl.evidencestore.command.store.JdbcTransactions;
import nl.evidencestore.shared.integrity.SignedCheckpoint;
import nl.evidencestore.shared.integrity.SigningKey;
import nl.evidencestore.shared.json.Json;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global log wired: its tree and heads read from the tables, the appender on a tracking
 * processor of its own (the log must not wait for Kafka, nor Kafka for the log), and the
 * checkpoints it signs, stored and published on the checkpoints topic.
 */
final class EvidenceLog implements AutoCloseable {
    static final String APPENDER = "evidence-log";
    private static final Logger log = LoggerFactory.getLogger(EvidenceLog.class);
    /** Events per appended batch: one leaf insert, one heads upsert and one token commit each. */
    private static final int BATCH = 1000;

    private final LogTree tree;
    private final StreamHeads heads;
    private final Checkpoints checkpoints;
    private final SigningKey key;
    private final JdbcTransactions transactions;

    private EvidenceLog(LogTree tree, StreamHeads heads, Checkpoints checkpoints, SigningKey key,
                        JdbcTransactions transactions) {
        this.tree = tree;
        this.heads = heads;
        this.checkpoints = checkpoints;
        this.key = key;
        this.transactions = transactions;
    }

    static EvidenceLog open(DataSource dataSource, JdbcTransactions transactions, CommandSide.LogOptions options,
                            Clock clock, Producer<String, byte[]> producer, String topic) {
        LogTree tree = LogTree.load(dataSource);
        StreamHeads heads = StreamHeads.load(dataSource);
        Checkpoints checkpoints = new Checkpoints(options.origin(), options.key(), tree, heads, dataSource, clock,
                options.cadence(), signed -> publish(producer, topic, signed));
        return new EvidenceLog(tree, heads, checkpoints, options.key(), transactions);
    }

    void register(Configurer configurer, TokenStore tokens) {
        LogAppender appender = new LogAppender(transactions, tree, heads, checkpoints::appended);
        EveryEventProcessor.register(configurer, APPENDER, BATCH, transactions, tokens, LogAppender.class, c -> appender);
    }

    void start() {
        checkpoints.start();
    }

    Checkpoints checkpoints() {
        return checkpoints;
    }

    LogTree tree() {
        return tree;
    }

    StreamHeads heads() {
        return heads;
    }

    SigningKey key() {
        return key;
    }

    /** Best effort: the checkpoint is stored already, and the next one supersedes a lost record. */
    private static void publish(Producer<String, byte[]> producer, String topic, SignedCheckpoint signed) {
        byte[] json = Json.write(signed.toJson());
        producer.send(new ProducerRecord<>(topic, Long.toString(signed.checkpoint().treeSize()), json),
                (metadata, failure) -> {
                    if (failure != null) {
                        log.warn("checkpoint {} not published: {}", signed.checkpoint().treeSize(), failure.toString());
                    }
                });
    }

    @Override
    public void close() {
        checkpoints.close();
    }
}
