package nl.evidencestore.shared.kafka;

import java.util.regex.Pattern;

/**
 * The store's topics on one cluster, and the consumer group that ingests its commands. A
 * prefix lets several stores (environments, or test classes on one broker) share a cluster,
 * each reading its own commands in a group of its own; without one they are the names api.md
 * gives.
 */
public record TopicNames(String events, String commands, String commandsDlq, String checkpoints,
                         String commandIngestGroup) {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{0,100}");
    public static final TopicNames DEFAULT = withPrefix("");

    public static TopicNames withPrefix(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a topic prefix is at most 100 letters, digits, '.', '_' or '-'");
        }
        return new TopicNames(prefix + Topics.EVENTS, prefix + Topics.COMMANDS, prefix + Topics.COMMANDS_DLQ,
                prefix + Topics.CHECKPOINTS,
                prefix + Topics.COMMAND_INGEST_GROUP);
    }
}
