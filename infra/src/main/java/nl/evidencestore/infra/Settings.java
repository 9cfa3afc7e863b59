package nl.evidencestore.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import nl.evidencestore.command.store.Deadlines;
import nl.evidencestore.command.breach.NotificationLimits;
import nl.evidencestore.command.subjectrequest.SubjectRequestLimits;
import nl.evidencestore.infra.web.HttpTls;
import nl.evidencestore.shared.kafka.KafkaConnection;
import nl.evidencestore.shared.kafka.TopicNames;

/**
 * The store's configuration (api.md, Running it): a properties file, overridden by
 * environment variables. Keys are the variable names in both places.
 */
public record Settings(String httpHost, int httpPort, Optional<HttpTls> httpTls, Path dataDir, String kafkaBootstrap, Map<String, String> kafkaClientSettings,
                       int kafkaPort, String eventStoreUrl,
                       String eventStoreUser, String eventStorePassword, Path tokensFile, Path signingKey,
                       String topicPrefix, Duration commandRetention, Duration gapGrace,
                       Duration recordedLateAfter, Duration deadlinePoll, int deletionPeriodDays,
                       NotificationLimits breachLimits, SubjectRequestLimits subjectRequestLimits) {

    public static final String CONFIG_FILE = "EVIDENCE_CONFIG";

    public Settings {
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("EVIDENCE_HTTP_PORT must be 0-65535");
        }
        if (kafkaPort < 0 || kafkaPort > 65535) {
            throw new IllegalArgumentException("EVIDENCE_KAFKA_PORT must be 0-65535");
        }
        if (deadlinePoll.isNegative() || deadlinePoll.isZero()) {
            throw new IllegalArgumentException("EVIDENCE_DEADLINE_POLL_MS must be positive");
        }
        kafkaClientSettings = Map.copyOf(kafkaClientSettings);
        if (!kafkaClientSettings.isEmpty()) {
            if (kafkaBootstrap.isBlank()) {
                throw new IllegalArgumentException("EVIDENCE_KAFKA_CLIENT_CONFIG is for an external cluster "
                        + "(EVIDENCE_KAFKA_BOOTSTRAP); the embedded broker listens in plaintext on loopback");
            }
            new KafkaConnection(kafkaBootstrap, kafkaClientSettings); // names a setting it does not take
        }
        if (deletionPeriodDays < 0) {
            throw new IllegalArgumentException("EVIDENCE_DELETION_PERIOD_DAYS must be 0 or more");
        }
    }

    /** From the process environment and the file named by EVIDENCE_CONFIG, if any. */
    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    public static Settings from(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        Optional.ofNullable(environment.get(CONFIG_FILE)).map(Path::of)
                .ifPresent(file -> values.putAll(read(file, CONFIG_FILE)));
        environment.forEach((key, value) -> {
            if (key.startsWith("EVIDENCE_")) {
                values.put(key, value);
            }
        });
        return from(new Values(values));
    }

    private static Settings from(Values values) {
        Path dataDir = Path.of(values.text("EVIDENCE_DATA_DIR", "./data")).toAbsolutePath().normalize();
        return new Settings(
                values.text("EVIDENCE_HTTP_HOST", "127.0.0.1"),
                values.integer("EVIDENCE_HTTP_PORT", 7070),
                httpTls(values),
                dataDir,
                values.text("EVIDENCE_KAFKA_BOOTSTRAP", ""),
                kafkaClientSettings(values),
                values.integer("EVIDENCE_KAFKA_PORT", 9092),
                values.text("EVIDENCE_EVENTSTORE_URL", ""),
                values.text("EVIDENCE_EVENTSTORE_USER", ""),
                values.text("EVIDENCE_EVENTSTORE_PASSWORD", ""),
                Path.of(values.text("EVIDENCE_TOKENS_FILE", dataDir.resolve("tokens.json").toString())),
                Path.of(values.text("EVIDENCE_SIGNING_KEY", dataDir.resolve("signing-key.pem").toString())),
                values.text("EVIDENCE_TOPIC_PREFIX", ""),
                Duration.ofMillis(values.longValue("EVIDENCE_COMMANDS_RETENTION_MS", Duration.ofDays(7).toMillis())),
                Duration.ofMillis(values.longValue("EVIDENCE_GAP_GRACE_MS", 2_000)),
                Duration.ofMillis(values.longValue("EVIDENCE_RECORDED_LATE_AFTER_MS", Duration.ofHours(24).toMillis())),
                Duration.ofMillis(values.longValue("EVIDENCE_DEADLINE_POLL_MS", Deadlines.DEFAULT_POLL.toMillis())),
                values.integer("EVIDENCE_DELETION_PERIOD_DAYS", 30),
                breachLimits(values),
                subjectRequestLimits(values));
    }

    /** The Kafka client properties file an external cluster asks for (TLS, SASL), like the Kafka tools' --command-config. */
    private static Map<String, String> kafkaClientSettings(Values values) {
        String file = values.text("EVIDENCE_KAFKA_CLIENT_CONFIG", "");
        return file.isEmpty() ? Map.of() : read(Path.of(file), "EVIDENCE_KAFKA_CLIENT_CONFIG");
    }

    /** HTTPS when a key store is named; its password is then required. */
    private static Optional<HttpTls> httpTls(Values values) {
        String keyStore = values.text("EVIDENCE_HTTP_TLS_KEYSTORE", "");
        String password = values.text("EVIDENCE_HTTP_TLS_KEYSTORE_PASSWORD", "");
        if (keyStore.isEmpty()) {
            if (!password.isEmpty()) {
                throw new IllegalArgumentException("EVIDENCE_HTTP_TLS_KEYSTORE_PASSWORD is set but EVIDENCE_HTTP_TLS_KEYSTORE is not");
            }
            return Optional.empty();
        }
        return Optional.of(new HttpTls(Path.of(keyStore), password));
    }

    /** Art. 6.1 and GDPR Art. 33: how long after discovery a breach must be notified. */
    private static NotificationLimits breachLimits(Values values) {
        NotificationLimits standard = NotificationLimits.STANDARD;
        return new NotificationLimits(
                values.duration("EVIDENCE_BREACH_CONTROLLER_NOTIFICATION", standard.controllerNotification()),
                values.duration("EVIDENCE_BREACH_AUTHORITY_NOTIFICATION", standard.authorityNotification()));
    }

    /** Art. 7.1 and GDPR Art. 12(3): forwarding in working days, answering in months. */
    private static SubjectRequestLimits subjectRequestLimits(Values values) {
        SubjectRequestLimits standard = SubjectRequestLimits.STANDARD;
        return new SubjectRequestLimits(
                values.integer("EVIDENCE_SUBJECT_REQUEST_FORWARDING_WORKING_DAYS", standard.forwardingWorkingDays()),
                values.integer("EVIDENCE_SUBJECT_REQUEST_ANSWER_MONTHS", standard.answerMonths()),
                values.integer("EVIDENCE_SUBJECT_REQUEST_EXTENSION_MONTHS", standard.extensionMonths()));
    }

    public TopicNames topics() {
        return TopicNames.withPrefix(topicPrefix);
    }

    public boolean embeddedKafka() {
        return kafkaBootstrap.isBlank();
    }

    /** The external cluster, with its client settings; only when one is configured. */
    public KafkaConnection externalKafka() {
        if (embeddedKafka()) {
            throw new IllegalStateException("no external Kafka cluster is configured");
        }
        return new KafkaConnection(kafkaBootstrap, kafkaClientSettings);
    }

    public boolean embeddedEventStore() {
        return eventStoreUrl.isBlank();
    }

    public Settings withHttpPort(int port) {
        return new Settings(httpHost, port, httpTls, dataDir, kafkaBootstrap, kafkaClientSettings, kafkaPort, eventStoreUrl, eventStoreUser,
                eventStorePassword, tokensFile, signingKey, topicPrefix, commandRetention, gapGrace,
                recordedLateAfter, deadlinePoll, deletionPeriodDays, breachLimits, subjectRequestLimits);
    }

    private static Map<String, String> read(Path file, String setting) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(setting + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name).trim()));
        return values;
    }

    private record Values(Map<String, String> values) {
        String text(String key, String fallback) {
            String value = values.get(key);
            return value == null ? fallback : value.trim();
        }

        int integer(String key, int fallback) {
            return (int) longValue(key, fallback);
        }

        Duration duration(String key, Duration fallback) {
            String value = values.get(key);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Duration.parse(value.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT24H");
            }
        }

        long longValue(String key, long fallback) {
            String value = values.get(key);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number");
            }
        }
    }
}
