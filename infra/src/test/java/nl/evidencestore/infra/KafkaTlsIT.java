package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.infra.embedded.EmbeddedKafka;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.SelfSigned;
import nl.evidencestore.infra.support.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * quality.md, Security: TLS for Kafka is configurable. A cluster whose listener speaks TLS only,
 * reached with EVIDENCE_KAFKA_CLIENT_CONFIG: every client of the store (topics, forwarder,
 * feed, ingest, readiness) connects over TLS, and the events reach the projections through it.
 */
class KafkaTlsIT {
    private static final String PASSWORD = "broker-password-for-tests";

    @TempDir
    Path dir;

    @Test
    void theStoreWorksThroughAClusterThatSpeaksTlsOnly() throws Exception {
        Path keyStore = SelfSigned.keyStore(dir.resolve("broker.p12"), PASSWORD);
        Path trustStore = SelfSigned.trustStore(keyStore, PASSWORD, dir.resolve("trust.p12"));
        Path clientConfig = Files.writeString(dir.resolve("client.properties"), String.join("\n",
                "security.protocol=SSL",
                "ssl.truststore.location=" + trustStore,
                "ssl.truststore.password=" + PASSWORD,
                "ssl.truststore.type=PKCS12"));
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("broker"), 0,
                Optional.of(new EmbeddedKafka.ListenerTls(keyStore, PASSWORD)));
             EvidenceStore store = EvidenceStore.start(settings(broker.bootstrapServers(), clientConfig))) {
            Api api = new Api(store.httpPort());
            api.post("/api/v1/agreements", PUBLISHER, draft("agr-tls", "practice-tls"));
            api.post("/api/v1/agreements/agr-tls/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
            long position = api.post("/api/v1/agreements/agr-tls/signatures", PUBLISHER,
                    signature("PROCESSOR", "2026-03-05", null)).json().get("position").asLong();

            // Applied by the query side: forwarded to the cluster and read back from it, over TLS both ways.
            Api.Response state = api.get("/api/v1/agreements/agr-tls?minPosition=" + position, SECURITY);
            assertThat(state.status()).isEqualTo(200);
            assertThat(state.json().get("status").asText()).isEqualTo("EFFECTIVE");
            assertThat(api.get("/health/ready", null).body()).contains("\"kafka\":{\"status\":\"UP\"}");
        }
    }

    @Test
    void clientSettingsAreForAnExternalClusterAndOnlyForHowToConnect() throws Exception {
        Path connectOnly = Files.writeString(dir.resolve("ok.properties"), "security.protocol=SSL\n");
        Path behaviour = Files.writeString(dir.resolve("acks.properties"), "security.protocol=SSL\nacks=1\n");

        assertThatThrownBy(() -> Settings.from(Map.of("EVIDENCE_KAFKA_CLIENT_CONFIG", connectOnly.toString())))
                .hasMessageContaining("external cluster");
        assertThatThrownBy(() -> Settings.from(Map.of("EVIDENCE_KAFKA_BOOTSTRAP", "127.0.0.1:9093",
                "EVIDENCE_KAFKA_CLIENT_CONFIG", behaviour.toString())))
                .hasMessageContaining("acks is not taken");
        assertThat(Settings.from(Map.of("EVIDENCE_KAFKA_BOOTSTRAP", "127.0.0.1:9093",
                "EVIDENCE_KAFKA_CLIENT_CONFIG", connectOnly.toString())).externalKafka().clientSettings())
                .isEqualTo(Map.of("security.protocol", "SSL"));
    }

    private Settings settings(String bootstrap, Path clientConfig) {
        Map<String, String> environment = SharedInfrastructure.storeEnvironment(dir.resolve("data"));
        environment.put("EVIDENCE_KAFKA_BOOTSTRAP", bootstrap);
        environment.put("EVIDENCE_KAFKA_CLIENT_CONFIG", clientConfig.toString());
        return Settings.from(environment);
    }
}
