package nl.evidencestore.infra.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.evidencestore.shared.kafka.KafkaConnection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * What /health/ready reports: the event store, the store's lease on it (one store per database),
 * the broker and how far the projections lag.
 */
public final class Readiness implements AutoCloseable {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    /** The body of /health/ready. */
    public record Report(String status, Map<String, Object> checks) {
        public boolean ready() {
            return "UP".equals(status);
        }
    }

    private final DataSource eventStore;
    private final BooleanSupplier leaseHeld;
    private final Admin kafka;
    private final LongSupplier appliedPosition;
    private final Supplier<Optional<Throwable>> feedFailure;

    public Readiness(DataSource eventStore, BooleanSupplier leaseHeld, KafkaConnection kafka,
                     LongSupplier appliedPosition, Supplier<Optional<Throwable>> feedFailure) {
        this.eventStore = eventStore;
        this.leaseHeld = leaseHeld;
        this.kafka = Admin.create(kafka.settings(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "evidence-readiness")));
        this.appliedPosition = appliedPosition;
        this.feedFailure = feedFailure;
    }

    public Report report() {
        Map<String, Object> checks = new LinkedHashMap<>();
        Optional<Long> stored = storedPosition();
        checks.put("eventStore", Map.of("status", stored.isPresent() ? "UP" : "DOWN"));
        boolean leaseUp = leaseHeld.getAsBoolean();
        checks.put("lease", Map.of("status", leaseUp ? "UP" : "DOWN"));
        boolean kafkaUp = kafkaAnswers();
        checks.put("kafka", Map.of("status", kafkaUp ? "UP" : "DOWN"));
        long applied = appliedPosition.getAsLong();
        boolean feedUp = feedFailure.get().isEmpty();
        Map<String, Object> projections = new LinkedHashMap<>();
        projections.put("status", feedUp ? "UP" : "DOWN");
        projections.put("appliedPosition", applied);
        stored.ifPresent(position -> {
            projections.put("storedPosition", position);
            projections.put("lag", Math.max(0, position - applied));
        });
        checks.put("projections", projections);
        boolean up = stored.isPresent() && leaseUp && kafkaUp && feedUp;
        return new Report(up ? "UP" : "DOWN", checks);
    }

    /** The highest position in the event store, or empty when the database does not answer. */
    public Optional<Long> storedPosition() {
        try (Connection connection = eventStore.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) PROBE_TIMEOUT.toSeconds());
            try (ResultSet row = statement.executeQuery("SELECT coalesce(max(globalIndex), 0) FROM DomainEventEntry")) {
                row.next();
                return Optional.of(row.getLong(1));
            }
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private boolean kafkaAnswers() {
        try {
            kafka.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                    .clusterId().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        kafka.close(Duration.ofSeconds(2));
    }
}
