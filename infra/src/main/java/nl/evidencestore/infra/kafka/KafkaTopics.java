package nl.evidencestore.infra.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import nl.evidencestore.shared.kafka.KafkaConnection;
import nl.evidencestore.shared.kafka.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics the store needs, with explicit settings, and waits until they can take records. */
public final class KafkaTopics {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);
    public static final int DEFAULT_COMMAND_PARTITIONS = 4;
    public static final int DEFAULT_DLQ_PARTITIONS = 1;
    public static final Duration DEFAULT_COMMAND_RETENTION = Duration.ofDays(7);
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private KafkaTopics() {
    }

    public static List<TopicSpec> storeTopics() {
        return storeTopics(TopicNames.DEFAULT, DEFAULT_COMMAND_PARTITIONS, DEFAULT_DLQ_PARTITIONS, DEFAULT_COMMAND_RETENTION);
    }

    /**
     * The event log and the two command topics. The event topic has one partition because the
     * consistency design needs one total order of events, and keeps every record forever. The
     * command topics carry plaintext subject references, so their retention is the erasure lag of
     * Kafka ingest (api.md). Checkpoints are kept forever on one partition, in the order signed.
     */
    public static List<TopicSpec> storeTopics(TopicNames names, int commandPartitions, int dlqPartitions, Duration commandRetention) {
        Map<String, String> forever = Map.of(
                "retention.ms", "-1",
                "retention.bytes", "-1",
                "cleanup.policy", "delete",
                "min.insync.replicas", "1");
        Map<String, String> bounded = Map.of(
                "retention.ms", Long.toString(commandRetention.toMillis()),
                "cleanup.policy", "delete");
        return List.of(
                new TopicSpec(names.events(), 1, forever),
                new TopicSpec(names.commands(), commandPartitions, bounded),
                new TopicSpec(names.commandsDlq(), dlqPartitions, bounded),
                new TopicSpec(names.checkpoints(), 1, forever));
    }

    /**
     * Creates the topics that do not exist yet (one created meanwhile by someone else is fine),
     * refuses an existing topic whose partition count differs from its spec (the count decides
     * which records keep their order), and returns once every partition of every topic answers
     * {@code listOffsets}: an idempotent producer writing to a topic created moments before lost
     * records otherwise (KAFKA-15591). Existing topics keep their configs.
     */
    public static void ensure(KafkaConnection kafka, List<TopicSpec> specs, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(adminConfig(kafka, timeout))) {
            Set<String> existing = get(admin.listTopics().names(), deadline);
            createMissing(admin, specs.stream().filter(spec -> !existing.contains(spec.name())).toList(), deadline);
            checkPartitionCounts(admin, specs.stream().filter(spec -> existing.contains(spec.name())).toList(), deadline);
            awaitOffsetsAnswered(admin, specs, deadline);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Topics " + names(specs) + " not ready on " + kafka
                    + " within " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot ensure topics " + names(specs) + " on " + kafka, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while ensuring topics " + names(specs), e);
        }
    }

    private static Map<String, Object> adminConfig(KafkaConnection kafka, Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "evidence-store-topics");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        return kafka.settings(config);
    }

    private static void createMissing(Admin admin, List<TopicSpec> missing, long deadline)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (missing.isEmpty()) {
            return;
        }
        List<NewTopic> newTopics = missing.stream()
                .map(spec -> new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
                        .configs(spec.configs()))
                .toList();
        Map<String, ? extends Future<Void>> results = admin.createTopics(newTopics).values();
        for (TopicSpec spec : missing) {
            try {
                get(results.get(spec.name()), deadline);
                LOG.info("Created topic {} with {} partition(s) and {}", spec.name(), spec.partitions(), spec.configs());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Created by another process between our listing and our request.
            }
        }
    }

    private static void checkPartitionCounts(Admin admin, List<TopicSpec> existing, long deadline)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (existing.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions = get(admin.describeTopics(names(existing)).allTopicNames(), deadline);
        for (TopicSpec spec : existing) {
            int actual = descriptions.get(spec.name()).partitions().size();
            if (actual != spec.partitions()) {
                throw new IllegalStateException("Topic " + spec.name() + " has " + actual + " partition(s), configured "
                        + spec.partitions() + "; change the configuration or the topic, knowing that records with"
                        + " the same key then land on another partition");
            }
        }
    }

    private static void awaitOffsetsAnswered(Admin admin, List<TopicSpec> specs, long deadline)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (TopicSpec spec : specs) {
            for (int partition = 0; partition < spec.partitions(); partition++) {
                partitions.put(new TopicPartition(spec.name(), partition), OffsetSpec.latest());
            }
        }
        while (true) {
            try {
                get(admin.listOffsets(partitions).all(), deadline);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    throw e;
                }
                // A new topic's leaders are not known everywhere yet.
                LOG.debug("Partitions not ready yet: {}", e.getCause().toString());
                LockSupport.parkNanos(RETRY_NANOS);
            }
        }
    }

    private static <T> T get(Future<T> future, long deadline)
            throws ExecutionException, InterruptedException, TimeoutException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new TimeoutException();
        }
        return future.get(remaining, TimeUnit.NANOSECONDS);
    }

    private static Set<String> names(List<TopicSpec> specs) {
        return specs.stream().map(TopicSpec::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
