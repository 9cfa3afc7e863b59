package nl.evidencestore.infra.kafka;

import java.util.Map;

/**
 * A topic as the store needs it. The replication factor is the cluster's default: 1 on the embedded
 * broker, whatever the operators chose on an external cluster.
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    public TopicSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A topic needs a name");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + " needs at least one partition, not " + partitions);
        }
        configs = Map.copyOf(configs);
    }
}
