package nl.evidencestore.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.evidencestore.infra.EvidenceStore;
import nl.evidencestore.infra.Settings;
import nl.evidencestore.shared.kafka.TopicNames;

/**
 * The whole store, started once per test JVM through the same composition root as
 * {@code serve}, on the shared broker (its own topic prefix) and a fresh database of the
 * shared PostgreSQL server, HTTP on a free port. Tests use ids of their own. Every exchange
 * through {@link #api()} is held against openapi.json ({@link Contract#exchanged}).
 */
public final class StoreUnderTest {
    private static EvidenceStore store;
    private static Api api;
    private static String eventStoreUrl;
    private static TopicNames topics;
    private static Path dataDir;

    private StoreUnderTest() {
    }

    public static synchronized EvidenceStore store() {
        if (store == null) {
            store = EvidenceStore.start(settings());
            api = new Api(store.httpPort(), Contract::exchanged);
            Runtime.getRuntime().addShutdownHook(new Thread(store::close, "store-under-test-shutdown"));
        }
        return store;
    }

    public static Api api() {
        store();
        return api;
    }

    /** The JDBC URL of the store's own database, for tests that count what was appended. */
    public static String eventStoreUrl() {
        store();
        return eventStoreUrl;
    }

    /** The store's topics on the shared broker, for tests that publish commands or read dead letters. */
    public static TopicNames topics() {
        store();
        return topics;
    }

    /** The store's data directory (its Lucene index under {@code index}), for tests that scan its files. */
    public static Path dataDir() {
        store();
        return dataDir;
    }

    private static Settings settings() {
        try {
            Map<String, String> environment = SharedInfrastructure.storeEnvironment(
                    Files.createTempDirectory("evidence-store-it"));
            eventStoreUrl = environment.get("EVIDENCE_EVENTSTORE_URL");
            Settings settings = Settings.from(environment);
            topics = settings.topics();
            StoreUnderTest.dataDir = settings.dataDir();
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
