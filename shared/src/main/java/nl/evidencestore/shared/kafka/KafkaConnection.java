package nl.evidencestore.shared.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the store's Kafka clients connect, and how: the bootstrap servers, and the settings an
 * external cluster asks of every client (TLS, SASL). Every producer, consumer and admin client
 * of the store is made from one of these, so that none of them connects in plaintext by mistake.
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> clientSettings) {
    /** The only settings taken from outside: how to connect securely, never how the store's clients behave. */
    public static final List<String> SECURITY_PREFIXES = List.of("security.", "ssl.", "sasl.");

    public KafkaConnection {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Kafka bootstrap servers are required");
        }
        clientSettings = Map.copyOf(clientSettings);
        clientSettings.keySet().forEach(KafkaConnection::requireSecurity);
    }

    /** A cluster reached in plaintext, as the embedded broker is, on loopback. */
    public static KafkaConnection plain(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /** A client's own settings, with the bootstrap servers and the connection's security settings added. */
    public Map<String, Object> settings(Map<String, Object> own) {
        Map<String, Object> settings = new HashMap<>(own);
        settings.putAll(clientSettings);
        settings.put("bootstrap.servers", bootstrapServers);
        return settings;
    }

    private static void requireSecurity(String key) {
        if (SECURITY_PREFIXES.stream().noneMatch(key::startsWith)) {
            throw new IllegalArgumentException("Kafka client setting " + key + " is not taken: only "
                    + String.join("*, ", SECURITY_PREFIXES) + "* settings are (how to connect, not how the store's"
                    + " clients behave)");
        }
    }

    @Override
    public String toString() {
        // The settings may hold passwords (ssl.keystore.password, sasl.jaas.config): only their names.
        return bootstrapServers + (clientSettings.isEmpty() ? "" : " " + clientSettings.keySet());
    }
}
