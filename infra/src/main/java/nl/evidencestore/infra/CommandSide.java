package nl.evidencestore.infra;

import java.time.Duration;
import javax.sql.DataSource;
import nl.evidencestore.command.access.AccessEndpoints;
import nl.evidencestore.command.access.AccessPolicy;
import nl.evidencestore.command.access.AccessSubmitter;
import nl.evidencestore.command.agreement.Agreement;
import nl.evidencestore.command.audit.Audit;
import nl.evidencestore.command.audit.KnownAgreements;
import nl.evidencestore.command.evidence.StoredEventEndpoints;
import nl.evidencestore.command.evidence.StoredEvents;
import nl.evidencestore.command.catalog.CommandCatalog;
import nl.evidencestore.command.catalog.CommandEndpoints;
import nl.evidencestore.command.employee.Employee;
import nl.evidencestore.command.employee.EmployeeDirectory;
import nl.evidencestore.command.employee.EmployeeRoster;
import nl.evidencestore.command.kafka.EventForwarder;
import nl.evidencestore.command.kafka.ProducerSettings;
import nl.evidencestore.command.securitymeasure.SecurityMeasure;
import nl.evidencestore.command.store.CommandLedger;
import nl.evidencestore.command.store.EventStoreSchema;
import nl.evidencestore.command.store.AggregateCache;
import nl.evidencestore.command.store.JdbcTransactions;
import nl.evidencestore.command.store.StoredPayloads;
import nl.evidencestore.command.submit.AppendedEvents;
import nl.evidencestore.command.submit.CommandSubmitter;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.rules.EmployeeRegister;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import nl.evidencestore.shared.rules.EmployeeRegister;
import org.axonframework.config.AggregateConfigurer;
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
    /** Agreements kept in memory: each holds only its terms, never its accesses. */
    private static final int AGGREGATES_IN_MEMORY = 10_000;
    /** Events per forwarded batch: one Kafka flush and one token commit each. */
    private static final int FORWARD_BATCH = 1000;

    private final Configuration axon;
    private final Producer<String, byte[]> producer;
    private final EventForwarder forwarder;
    private final CommandSubmitter submitter;
    private final JdbcTransactions transactions;
    private final EmployeeDirectory employees;
    private final CommandCatalog catalog = CommandCatalog.standard();

    private final AccessSubmitter accesses;

    private CommandSide(Configuration axon, Producer<String, byte[]> producer, EventForwarder forwarder,
                        CommandSubmitter submitter, AccessSubmitter accesses, JdbcTransactions transactions,
                        EmployeeDirectory employees) {
        this.accesses = accesses;
        this.axon = axon;
        this.producer = producer;
        this.forwarder = forwarder;
        this.submitter = submitter;
        this.transactions = transactions;
        this.employees = employees;
    }

    /** With the default access policy: how tests that care about other things start it. */
    static CommandSide start(DataSource dataSource, String kafkaBootstrap, String eventsTopic, Duration gapGrace) {
        return start(dataSource, kafkaBootstrap, eventsTopic, gapGrace, AccessPolicy.DEFAULT);
    }

    static CommandSide start(DataSource dataSource, String kafkaBootstrap, String eventsTopic, Duration gapGrace,
                             AccessPolicy accessPolicy) {
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
        EmployeeDirectory employees = new EmployeeDirectory(transactions);

        Producer<String, byte[]> producer = new KafkaProducer<>(ProducerSettings.forEvidence(kafkaBootstrap, FORWARDER));
        EventForwarder forwarder = new EventForwarder(producer, eventsTopic, gapGrace, serializer);
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                // Axon would copy trace and correlation ids into every event's metadata: the
                // evidence needs none of it, and the hot path pays for it per access.
                .configureCorrelationDataProviders(c -> java.util.List.of())
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Agreement.class)
                        .configureCache(c -> new AggregateCache(AGGREGATES_IN_MEMORY)))
                .configureAggregate(Employee.class)
                .configureAggregate(SecurityMeasure.class)
                .configureAggregate(Audit.class)
                // Command handlers take these as parameters: Axon resolves registered components by their type.
                .registerComponent(EmployeeDirectory.class, c -> employees)
                .registerComponent(EmployeeRegister.class, c -> employees)
                .registerComponent(EmployeeRoster.class, c -> employees)
                .registerComponent(KnownAgreements.class, c -> KnownAgreements.in(c.eventStore()))
                .registerComponent(AccessPolicy.class, c -> accessPolicy);
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

        CommandLedger ledger = new CommandLedger(transactions);
        CommandSubmitter submitter = new CommandSubmitter(axon.commandGateway(), ledger, transactions);
        AccessSubmitter accesses = new AccessSubmitter(axon.commandGateway(), ledger, new StoredPayloads(transactions),
                transactions);
        return new CommandSide(axon, producer, forwarder, submitter, accesses, transactions, employees);
    }

    StoredEventEndpoints storedEventEndpoints() {
        return new StoredEventEndpoints(new StoredEvents(transactions));
    }

    AccessEndpoints accessEndpoints() {
        return new AccessEndpoints(accesses);
    }

    AccessSubmitter accesses() {
        return accesses;
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

    /** Art. 2.3 as the command side judges accesses: consistent with the append (see EmployeeDirectory). */
    EmployeeDirectory employees() {
        return employees;
    }

    @Override
    public void close() {
        axon.shutdown();
        forwarder.close();
        producer.close(Duration.ofSeconds(5));
    }
}
