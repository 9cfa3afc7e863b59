package nl.evidencestore.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import nl.evidencestore.command.log.Checkpoints;
import nl.evidencestore.shared.integrity.Checkpoint;
import nl.evidencestore.shared.integrity.SigningKey;
import nl.evidencestore.command.access.AccessPolicy;
import nl.evidencestore.command.agreement.DeletionPeriod;
import nl.evidencestore.infra.embedded.EmbeddedKafka;
import nl.evidencestore.infra.embedded.EmbeddedPostgres;
import nl.evidencestore.infra.kafka.KafkaTopics;
import nl.evidencestore.infra.ops.Metrics;
import nl.evidencestore.infra.ops.OperationsEndpoints;
import nl.evidencestore.infra.ops.Readiness;
import nl.evidencestore.infra.web.PrincipalEndpoints;
import nl.evidencestore.infra.web.WebPage;
import nl.evidencestore.shared.http.HttpEdge;
import nl.evidencestore.shared.http.TokensFile;
import nl.evidencestore.shared.kafka.KafkaConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: starts the database and the broker (embedded unless configured),
 * the command side, the query side and the HTTP API, in that order; closes in reverse.
 */
public final class EvidenceStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EvidenceStore.class);
    static final String DATABASE = "evidence";

    private final Deque<AutoCloseable> started;
    private final Javalin http;
    private final KafkaConnection kafka;
    private final EmbeddedPostgres postgres;
    private final CompletableFuture<Void> leaseTakenByAnother;

    private EvidenceStore(Deque<AutoCloseable> started, Javalin http, KafkaConnection kafka, EmbeddedPostgres postgres,
                          CompletableFuture<Void> leaseTakenByAnother) {
        this.started = started;
        this.http = http;
        this.kafka = kafka;
        this.postgres = postgres;
        this.leaseTakenByAnother = leaseTakenByAnother;
    }

    public static EvidenceStore start(Settings settings) {
        // Axon checks for updates over the network unless told not to: an evidence store must not phone home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        Deque<AutoCloseable> started = new ArrayDeque<>();
        CompletableFuture<Void> leaseTakenByAnother = new CompletableFuture<>();
        try {
            createDirectories(settings);
            EventStorePools eventStore = eventStore(settings, started, () -> leaseTakenByAnother.complete(null));
            KafkaConnection kafka = kafka(settings, started);
            KafkaTopics.ensure(kafka, KafkaTopics.storeTopics(settings.topics(), KafkaTopics.DEFAULT_COMMAND_PARTITIONS,
                    KafkaTopics.DEFAULT_DLQ_PARTITIONS, settings.commandRetention()), Duration.ofSeconds(60));

            PrometheusMeterRegistry metrics = Metrics.create();
            CommandSide commands = remember(started, CommandSide.start(eventStore.requests(), eventStore.pipeline(), kafka,
                    settings.topics(), metrics,
                    CommandSide.Options.DEFAULTS.withGapGrace(settings.gapGrace())
                            .withDeadlinePoll(settings.deadlinePoll())
                            .withPolicies(new CommandSide.Policies(new AccessPolicy(settings.recordedLateAfter()),
                                    new DeletionPeriod(settings.deletionPeriodDays()), settings.breachLimits(),
                                    settings.subjectRequestLimits()))
                            .withLog(new CommandSide.LogOptions(Checkpoint.DEFAULT_ORIGIN,
                                    SigningKey.loadOrCreate(settings.signingKey()), Checkpoints.Cadence.DEFAULT))));
            QuerySide queries = remember(started, QuerySide.start(settings.dataDir().resolve("index"), kafka,
                    settings.topics().events(), commands.subjectKeys()));
            Metrics.watchProjections(metrics, queries.applied()::current, queries::timelineDocuments);

            Readiness readiness = remember(started, new Readiness(eventStore.requests(), eventStore.lease()::held, kafka,
                    queries.applied()::current, queries.feed()::failure));
            OperationsEndpoints operations = new OperationsEndpoints(readiness, metrics);
            TokensFile tokens = TokensFile.openOrInitialise(settings.tokensFile(), EvidenceStore::announceAdminToken);

            Javalin http = Javalin.create(config -> {
                settings.httpTls().ifPresent(tls -> config.jetty.addConnector((server, httpConfiguration) ->
                        tls.connector(server, httpConfiguration, settings.httpHost(), settings.httpPort())));
                HttpEdge.configure(config, tokens);
                config.routes.apiBuilder(operations.routes());
                config.routes.apiBuilder(commands.endpoints().routes());
                config.routes.apiBuilder(commands.accessEndpoints().routes());
                config.routes.apiBuilder(commands.storedEventEndpoints().routes());
                config.routes.apiBuilder(commands.checkpointEndpoints().routes());
                config.routes.apiBuilder(commands.bundleEndpoints(settings.dataDir().resolve("bundles"),
                        java.time.Clock.systemUTC()).routes());
                config.routes.apiBuilder(queries.agreementQueries().routes());
                queries.otherQueries().forEach(config.routes::apiBuilder);
                config.routes.apiBuilder(new PrincipalEndpoints().routes());
                config.routes.apiBuilder(new WebPage().routes());
            }).start(settings.httpHost(), settings.httpPort());
            started.push(http::stop);
            log.info("evidence store serving {} on {}:{}, Kafka at {}", settings.httpTls().isPresent() ? "HTTPS" : "HTTP",
                    settings.httpHost(), http.port(), kafka);
            EvidenceStore store = new EvidenceStore(started, http, kafka, embeddedPostgres(started), leaseTakenByAnother);
            // Two stores now run on one database: this one stops taking and writing anything. On a
            // thread of its own, since the lease's watchdog, which reports it, is stopped on the way.
            leaseTakenByAnother.thenRun(() -> new Thread(store::close, "evidence-lease-stop").start());
            return store;
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    public int httpPort() {
        return http.port();
    }

    /**
     * Completes when, after losing its lease on the database, this store found that another one
     * took it; the store then closes itself ({@link DatabaseLease#check()}).
     */
    public CompletableFuture<Void> leaseTakenByAnother() {
        return leaseTakenByAnother;
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** The embedded PostgreSQL server, when the store runs one: benchmarks measure it raw. */
    public Optional<EmbeddedPostgres> embeddedPostgres() {
        return Optional.ofNullable(postgres);
    }

    private static EmbeddedPostgres embeddedPostgres(Deque<AutoCloseable> started) {
        return started.stream().filter(EmbeddedPostgres.class::isInstance).map(EmbeddedPostgres.class::cast)
                .findFirst().orElse(null);
    }

    /** Every HTTP route as {@code "GET /api/v1/…"}: what the contract test holds against openapi.json. */
    public List<String> routes() {
        return http.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .sorted().distinct().toList();
    }

    /**
     * The event store's two pools: one for requests and one for the threads that carry events on,
     * so that neither waits for the other's connections
     * ({@link nl.evidencestore.command.store.JdbcTransactions}); and the lease that lets this
     * store alone use them.
     */
    private record EventStorePools(DataSource requests, DataSource pipeline, DatabaseLease lease) {
    }

    /**
     * Four event processors and the event store's reader hold one each while they work; the
     * rest is headroom (a processor's start-up claims its token on a thread of its own).
     */
    private static final int PIPELINE_CONNECTIONS = 10;

    /**
     * The lease first: before the schema is made or the settled position read, and closed after
     * everything that writes ({@link DatabaseLease}).
     */
    private static EventStorePools eventStore(Settings settings, Deque<AutoCloseable> started, Runnable leaseTaken) {
        if (!settings.embeddedEventStore()) {
            DatabaseLease lease = remember(started, DatabaseLease.take(new DatabaseLease.Database(
                    settings.eventStoreUrl(), settings.eventStoreUser(), settings.eventStorePassword()),
                    DatabaseLease.CHECK_EVERY, leaseTaken));
            return new EventStorePools(remember(started, externalPool(settings, "evidence-eventstore", 16)),
                    remember(started, externalPool(settings, "evidence-pipeline", PIPELINE_CONNECTIONS)), lease);
        }
        EmbeddedPostgres postgres = remember(started, EmbeddedPostgres.start(settings.dataDir().resolve("pg")));
        postgres.createDatabaseIfAbsent(DATABASE);
        DatabaseLease lease = remember(started, DatabaseLease.take(new DatabaseLease.Database(
                postgres.jdbcUrl(DATABASE), "", ""), DatabaseLease.CHECK_EVERY, leaseTaken));
        return new EventStorePools(postgres.dataSource(DATABASE),
                postgres.dataSource(DATABASE, "pipeline", PIPELINE_CONNECTIONS), lease);
    }

    private static HikariDataSource externalPool(Settings settings, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.eventStoreUrl());
        config.setUsername(settings.eventStoreUser());
        config.setPassword(settings.eventStorePassword());
        config.setMaximumPoolSize(size);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    private static KafkaConnection kafka(Settings settings, Deque<AutoCloseable> started) {
        if (!settings.embeddedKafka()) {
            return settings.externalKafka();
        }
        return KafkaConnection.plain(remember(started, EmbeddedKafka.start(settings.dataDir().resolve("kafka"),
                settings.kafkaPort())).bootstrapServers());
    }

    /** Printed once, on the console only: the tokens file keeps nothing but its hash. */
    private static void announceAdminToken(String token) {
        System.out.println();
        System.out.println("First start: created an ADMIN principal. Its token is shown this once:");
        System.out.println("  " + token);
        System.out.println("Keep it safe; the tokens file stores only its SHA-256.");
        System.out.println();
    }

    private static void createDirectories(Settings settings) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + settings.dataDir(), e);
        }
    }

    private static <T extends AutoCloseable> T remember(Deque<AutoCloseable> started, T resource) {
        started.push(resource);
        return resource;
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("error while stopping {}: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        closeAll(started);
    }
}
