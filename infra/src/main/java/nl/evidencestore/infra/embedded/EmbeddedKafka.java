package nl.evidencestore.infra.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one) running in this JVM, with its
 * log directory kept across restarts.
 *
 * <p>The first start formats the directory; the cluster id then lives in its {@code meta.properties}
 * and later starts reuse it. The controller listens on a fresh loopback port each start, which is
 * fine because the quorum is static: its one voter's address is read from the configuration, never
 * from the log. A JVM shutdown hook stops the broker when the JVM exits without {@link #close()}, so
 * that the next start finds clean logs instead of recovering them.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path logDir;
    private final int port;
    private final KafkaRaftServer server;
    private final AtomicReference<String> fatalFault = new AtomicReference<>();
    private final Consumer<String> faultListener = fault -> fatalFault.compareAndSet(null, fault);
    private final Thread shutdownHook = new Thread(this::close, "embedded-kafka-shutdown");
    private boolean closed;

    private EmbeddedKafka(Path logDir, int port, KafkaRaftServer server) {
        this.logDir = logDir;
        this.port = port;
        this.server = server;
    }

    /**
     * Starts a broker with its logs in {@code dataDir}, listening on {@code 127.0.0.1:port}
     * ({@code 0}: a free port, logged). Returns when the broker accepts clients.
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        return start(dataDir, port, Optional.empty());
    }

    /** The broker's key store and its password, for a client listener that speaks TLS. */
    public record ListenerTls(Path keyStore, String password) {
    }

    /**
     * The same, with the client listener speaking TLS only: what an external cluster with TLS
     * looks like to the store (its clients then need {@code EVIDENCE_KAFKA_CLIENT_CONFIG}).
     */
    public static EmbeddedKafka start(Path dataDir, int port, Optional<ListenerTls> tls) {
        long startedAt = System.nanoTime();
        Path logDir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + logDir, e);
        }
        int[] free = FreePorts.pick(2);
        int brokerPort = port == 0 ? free[0] : port;
        int controllerPort = free[0] == brokerPort ? free[1] : free[0];
        Map<String, String> properties = brokerProperties(logDir, brokerPort, controllerPort);
        tls.ifPresent(listener -> properties.putAll(tlsListener(listener, brokerPort, controllerPort)));
        KafkaConfig config = new KafkaConfig(properties, false);
        boolean formatted = formatIfNew(config, logDir);

        EmbeddedKafka kafka = new EmbeddedKafka(logDir, brokerPort, new KafkaRaftServer(config, Time.SYSTEM));
        kafka.startup();
        LOG.info("Kafka broker listening on {}, logs in {} ({}, started in {} ms)", kafka.bootstrapServers(), logDir,
                formatted ? "newly formatted" : "existing", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return kafka;
    }

    /** Settings for one node that is the whole cluster and keeps a store's data, not a test's. */
    static Map<String, String> brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());

        // One replica of everything, including the internal topics that default to three.
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Internal topics default to 50 partitions, each with files and a coordinator to load.
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("num.partitions", "1");

        // Every topic is created on purpose, with its settings (KafkaTopics).
        p.put("auto.create.topics.enable", "false");
        // Nobody else is going to join a group here; do not make the first member wait 3 s.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Committed offsets of a group that is empty for 7 days expire, and a store that was
        // stopped for a week would find its projections' groups reset on restart.
        p.put("offsets.retention.minutes", Integer.toString(10 * 365 * 24 * 60));

        // Sized for one node on a small machine: the cleaner's dedupe buffer alone is 128 MiB by default.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "2");
        // After a kill -9 the controller fences the broker's old incarnation only when its session
        // expires (9 s by default): a single-node store restarts faster with a short session.
        p.put("broker.session.timeout.ms", "2000");
        p.put("broker.heartbeat.interval.ms", "500");
        return p;
    }

    /** The client listener (and so the inter-broker one) in TLS; the controller's stays on loopback in plaintext. */
    static Map<String, String> tlsListener(ListenerTls tls, int brokerPort, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listeners", "SSL://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SSL://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "SSL:SSL," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "SSL");
        p.put("ssl.keystore.location", tls.keyStore().toString());
        p.put("ssl.keystore.password", tls.password());
        p.put("ssl.key.password", tls.password());
        p.put("ssl.keystore.type", "PKCS12");
        // The broker, as a client of its own listener, trusts its own certificate.
        p.put("ssl.truststore.location", tls.keyStore().toString());
        p.put("ssl.truststore.password", tls.password());
        p.put("ssl.truststore.type", "PKCS12");
        return p;
    }

    /** Formats a new log directory; a formatted one keeps its cluster id and contents. */
    private static boolean formatIfNew(KafkaConfig config, Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return false;
        }
        String clusterId = Uuid.randomUuid().toString();
        try {
            new Formatter()
                    // It reports its progress on stdout.
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    // What kafka-storage format does for a node with the controller role.
                    .setWriteBootstrapSnapshot(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDir, e);
        }
        LOG.info("Formatted Kafka storage in {} for new cluster {}", logDir, clusterId);
        return true;
    }

    private void startup() {
        KafkaExitGuard.register(faultListener);
        try {
            server.startup();
        } catch (RuntimeException e) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            } finally {
                KafkaExitGuard.unregister(faultListener);
            }
            throw new IllegalStateException("Kafka broker did not start on " + logDir + " (port " + port + ")", e);
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * The fatal fault the broker reported, if any. The broker keeps running after one (see
     * {@link KafkaExitGuard}) but should not be trusted: readiness checks should report it.
     */
    public Optional<String> fatalFault() {
        return Optional.ofNullable(fatalFault.get());
    }

    /** Stops the broker and waits until it has; its logs are then clean for the next start. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long stoppingAt = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
            LOG.info("Kafka broker on {} stopped in {} ms", bootstrapServers(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppingAt));
        } finally {
            KafkaExitGuard.unregister(faultListener);
            removeShutdownHook();
        }
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; close() is idempotent.
        }
    }
}
