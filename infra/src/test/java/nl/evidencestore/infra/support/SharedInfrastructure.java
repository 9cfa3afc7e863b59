package nl.evidencestore.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.evidencestore.infra.embedded.EmbeddedKafka;
import nl.evidencestore.infra.embedded.EmbeddedPostgres;
import nl.evidencestore.infra.kafka.KafkaTopics;
import nl.evidencestore.shared.kafka.KafkaConnection;
import nl.evidencestore.shared.kafka.TopicNames;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded Kafka broker and one embedded PostgreSQL server per test JVM, shared by every
 * integration test in it: starting them once costs a few seconds, per class it would add up.
 *
 * <p>Either register it, which starts both before the class and stops them when the whole test
 * run in this JVM is over:
 * <pre>{@code
 * @ExtendWith(SharedInfrastructure.class)
 * class ForwarderTest {
 *     static DataSource eventStore;
 *
 *     @BeforeAll
 *     static void database() {
 *         eventStore = SharedInfrastructure.freshDatabase();
 *     }
 * }
 * }</pre>
 * or just call the static methods: the first call starts both, and a JVM shutdown hook stops them.
 *
 * <p>Tests share the broker, so they must not assume an empty one: use topic names, group ids and
 * keys of their own, or read from the end offsets they found. Each {@link #freshDatabase()} is a
 * new empty database. The data lives in a temporary directory, deleted when the JVM exits.
 */
public final class SharedInfrastructure implements BeforeAllCallback {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Running running;

    /** The broker's bootstrap servers ({@code 127.0.0.1:<port>}). */
    public static String kafkaBootstrap() {
        return running().kafka().bootstrapServers();
    }

    /**
     * The store's topics under a prefix of their own on the shared broker, made (one partition
     * each), for a test that starts a command side of its own.
     */
    /** The shared broker as the store's clients connect to it: plaintext, on loopback. */
    public static KafkaConnection kafkaConnection() {
        return KafkaConnection.plain(kafkaBootstrap());
    }

    public static TopicNames freshTopics(String prefix) {
        TopicNames topics = TopicNames.withPrefix(prefix + "-" + UUID.randomUUID() + ".");
        KafkaTopics.ensure(kafkaConnection(), KafkaTopics.storeTopics(topics, 1, 1, Duration.ofDays(1)),
                Duration.ofSeconds(30));
        return topics;
    }

    /** A new, empty database with a pool of its own; the pool is closed with the server. */
    public static DataSource freshDatabase() {
        return postgres().dataSource(freshDatabaseName());
    }

    /** Creates a new, empty database and returns its name, for tests that connect themselves. */
    public static String freshDatabaseName() {
        String name = "test_" + DATABASES.incrementAndGet();
        postgres().createDatabaseIfAbsent(name);
        return name;
    }

    public static String jdbcUrlOf(String database) {
        return postgres().jdbcUrl(database);
    }

    public static EmbeddedPostgres postgres() {
        return running().postgres();
    }

    public static EmbeddedKafka kafka() {
        return running().kafka();
    }

    /**
     * The settings of a whole store on this infrastructure, as environment variables: HTTP on a
     * free port, data in {@code dataDir}, the shared broker under topics of its own, a fresh
     * database, the test principals. Mutable, so that a test can add or replace a setting.
     */
    public static Map<String, String> storeEnvironment(Path dataDir) {
        Map<String, String> environment = new HashMap<>();
        environment.put("EVIDENCE_HTTP_PORT", "0");
        environment.put("EVIDENCE_DATA_DIR", dataDir.toString());
        environment.put("EVIDENCE_KAFKA_BOOTSTRAP", kafkaBootstrap());
        environment.put("EVIDENCE_TOPIC_PREFIX", "it-" + UUID.randomUUID() + ".");
        environment.put("EVIDENCE_EVENTSTORE_URL", jdbcUrlOf(freshDatabaseName()));
        environment.put("EVIDENCE_TOKENS_FILE", Principals.writeTokensFile(dataDir.resolve("tokens.json")).toString());
        return environment;
    }

    /**
     * Where tests unpack the PostgreSQL binaries: the library's own default, shared by test JVMs so
     * that only the first one on a machine pays for unpacking.
     */
    public static Path postgresBinaries() {
        return Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Running started = running();
        // Closed when the root context closes: after the last test class of this run.
        context.getRoot().getStore(ExtensionContext.Namespace.create(SharedInfrastructure.class))
                .getOrComputeIfAbsent(Running.class, type -> started, Running.class);
    }

    private static synchronized Running running() {
        if (running == null || running.closed) {
            running = Running.start();
        }
        return running;
    }

    private static final class Running implements AutoCloseable {
        private final Path dir;
        private final EmbeddedKafka kafka;
        private final EmbeddedPostgres postgres;
        private volatile boolean closed;

        private Running(Path dir, EmbeddedKafka kafka, EmbeddedPostgres postgres) {
            this.dir = dir;
            this.kafka = kafka;
            this.postgres = postgres;
        }

        static Running start() {
            Path dir;
            try {
                dir = Files.createTempDirectory("evidence-store-it-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Side by side: each takes one to three seconds, mostly waiting.
            CompletableFuture<EmbeddedKafka> kafka =
                    CompletableFuture.supplyAsync(() -> EmbeddedKafka.start(dir.resolve("kafka"), 0));
            CompletableFuture<EmbeddedPostgres> postgres =
                    CompletableFuture.supplyAsync(() -> EmbeddedPostgres.start(dir.resolve("pg"), postgresBinaries()));
            try {
                Running started = new Running(dir, kafka.join(), postgres.join());
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-infrastructure-shutdown"));
                return started;
            } catch (CompletionException e) {
                kafka.thenAccept(EmbeddedKafka::close);
                postgres.thenAccept(EmbeddedPostgres::close);
                throw e;
            }
        }

        EmbeddedKafka kafka() {
            return kafka;
        }

        EmbeddedPostgres postgres() {
            return postgres;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                kafka.close();
            } finally {
                postgres.close();
                deleteRecursively(dir);
            }
        }

        private static void deleteRecursively(Path dir) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // Only a temporary directory; the next reboot takes it.
            }
        }
    }
}
