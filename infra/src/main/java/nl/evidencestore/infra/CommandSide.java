package nl.evidencestore.infra;

import java.time.Duration;
import javax.sql.DataSource;
import nl.evidencestore.command.agreement.Agreement;
import nl.evidencestore.command.agreement.KnownAgreements;
import nl.evidencestore.command.breach.Breach;
import nl.evidencestore.command.breach.NotificationLimits;
import nl.evidencestore.command.catalog.CommandCatalog;
import nl.evidencestore.command.catalog.CommandEndpoints;
import nl.evidencestore.command.kafka.EventForwarder;
import nl.evidencestore.command.kafka.ProducerSettings;
import nl.evidencestore.command.store.CommandLedger;
import nl.evidencestore.command.store.EventStoreSchema;
import nl.evidencestore.command.store.JdbcTransactions;
import nl.evidencestore.command.submit.AppendedEvents;
import nl.evidencestore.command.submit.CommandSubmitter;
import nl.evidencestore.command.subjectrequest.SubjectRequest;
import nl.evidencestore.command.subjectrequest.SubjectRequestLimits;
import nl.evidencestore.shared.json.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The command side as Axon runs it: JDBC event store and tokens on PostgreSQL, the
 * aggregates, and the tracking processor that forwards the log to Kafka.
 */
final class CommandSide implements AutoCloseable {
    static final String FORWARDER = "evidence-forwarder";
    /** Events per forwarded batch: one Kafka flush and one token commit each. */
    private static final int FORWARD_BATCH = 1000;

    private final Configuration axon;
    private final Producer<String, byte[]> producer;
    private final EventForwarder forwarder;
    private final CommandSubmitter submitter;
    private final JdbcTransactions transactions;
    private final CommandCatalog catalog = CommandCatalog.standard();

    private CommandSide(Configuration axon, Producer<String, byte[]> producer, EventForwarder forwarder,
                        CommandSubmitter submitter, JdbcTransactions transactions) {
        this.axon = axon;
        this.producer = producer;
        this.forwarder = forwarder;
        this.submitter = submitter;
        this.transactions = transactions;
    }

    /** With the standard deadline limits (Art. 6.1, 7.1). */
    static CommandSide start(DataSource dataSource, String kafkaBootstrap, String eventsTopic, Duration gapGrace) {
        return start(dataSource, kafkaBootstrap, eventsTopic, gapGrace, NotificationLimits.STANDARD,
                SubjectRequestLimits.STANDARD);
    }

    static CommandSide start(DataSource dataSource, String kafkaBootstrap, String eventsTopic, Duration gapGrace,
                             NotificationLimits breachLimits, SubjectRequestLimits subjectRequestLimits) {
        JdbcTransactions transactions = new JdbcTransactions(dataSource);
        // Events are records; a field added later must not break reading older payloads.
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(Json.mapper().copy()).lenientDeserialization().build();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(transactions).transactionManager(transactions)
                .eventSerializer(serializer).snapshotSerializer(serializer)
                // A batch of 10,000 accesses in flight beside others must not be mistaken for holes.
                .maxGapOffset(1_000_000)
                .build();
        JdbcTokenStore tokens = JdbcTokenStore.builder().connectionProvider(transactions).serializer(serializer).build();
        EventStoreSchema.create(dataSource, engine, tokens);

        Producer<String, byte[]> producer = new KafkaProducer<>(ProducerSettings.forEvidence(kafkaBootstrap, FORWARDER));
        EventForwarder forwarder = new EventForwarder(producer, eventsTopic, gapGrace);
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(Agreement.class)
                .configureAggregate(Breach.class)
                .configureAggregate(SubjectRequest.class)
                // Command handlers take these as parameters (Art. 6.1, 7.1 limits; agreements named by other streams).
                .registerComponent(NotificationLimits.class, c -> breachLimits)
                .registerComponent(SubjectRequestLimits.class, c -> subjectRequestLimits)
                .registerComponent(KnownAgreements.class, c -> KnownAgreements.in(c.eventStore()));
        configurer.eventProcessing()
                .registerTrackingEventProcessor(FORWARDER, Configuration::eventStore, c ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(FORWARD_BATCH)
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .registerEventHandler(c -> forwarder)
                .assignHandlerInstancesMatching(FORWARDER, handler -> handler instanceof EventForwarder)
                .registerTokenStore(FORWARDER, c -> tokens)
                // The default handler logs and moves on, which would skip events: fail the batch instead.
                .registerListenerInvocationErrorHandler(FORWARDER, c -> PropagatingErrorHandler.instance());
        Configuration axon = configurer.buildConfiguration();
        axon.eventBus().registerDispatchInterceptor(new AppendedEvents());
        axon.start();

        CommandSubmitter submitter = new CommandSubmitter(axon.commandGateway(), new CommandLedger(transactions), transactions);
        return new CommandSide(axon, producer, forwarder, submitter, transactions);
    }

    CommandEndpoints endpoints() {
        return new CommandEndpoints(catalog, submitter);
    }

    CommandCatalog catalog() {
        return catalog;
    }

    CommandSubmitter submitter() {
        return submitter;
    }

    JdbcTransactions transactions() {
        return transactions;
    }

    @Override
    public void close() {
        axon.shutdown();
        forwarder.close();
        producer.close(Duration.ofSeconds(5));
    }
}
