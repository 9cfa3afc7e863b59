package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.SECURITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.evidencestore.infra.support.SelfSigned;
import nl.evidencestore.infra.support.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quality.md, Security: TLS for HTTP is configurable. With a key store the store speaks HTTPS, and only HTTPS. */
class HttpsIT {
    private static final String PASSWORD = "store-password-for-tests";

    @TempDir
    Path dir;

    @Test
    void withAKeyStoreTheApiIsServedOverTlsAndPlainHttpIsNot() throws Exception {
        Path keyStore = SelfSigned.keyStore(dir.resolve("store.p12"), PASSWORD);
        try (EvidenceStore store = EvidenceStore.start(settings(keyStore, PASSWORD))) {
            HttpClient client = HttpClient.newBuilder().sslContext(SelfSigned.context(keyStore, PASSWORD)).connectTimeout(Duration.ofSeconds(10))
                    .build();
            String base = "https://127.0.0.1:" + store.httpPort();

            assertThat(client.send(get(base + "/health/ready").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> agreements = client.send(get(base + "/api/v1/agreements")
                    .header("Authorization", "Bearer " + SECURITY).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(agreements.statusCode()).isEqualTo(200);
            assertThat(agreements.body()).contains("\"items\"");

            // The same port in plain HTTP: no answer to a request, least of all the data.
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            try {
                HttpResponse<String> answer = plain.send(get("http://127.0.0.1:" + store.httpPort() + "/api/v1/agreements")
                        .header("Authorization", "Bearer " + SECURITY).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isNotEqualTo(200);
                assertThat(answer.body()).doesNotContain("\"items\"");
            } catch (IOException refused) {
                // The TLS listener dropped the plaintext connection: that is the expected outcome too.
            }
        }
    }

    @Test
    void aKeyStoreThatCannotBeOpenedIsNamedAtStartUp() throws Exception {
        Path keyStore = SelfSigned.keyStore(dir.resolve("store.p12"), PASSWORD);

        assertThatThrownBy(() -> EvidenceStore.start(settings(keyStore, "not-the-password")).close())
                .hasStackTraceContaining("EVIDENCE_HTTP_TLS_KEYSTORE: cannot open " + keyStore);
    }

    @Test
    void aPasswordWithoutAKeyStoreIsRefused() {
        assertThatThrownBy(() -> Settings.from(Map.of("EVIDENCE_HTTP_TLS_KEYSTORE_PASSWORD", PASSWORD)))
                .hasMessageContaining("EVIDENCE_HTTP_TLS_KEYSTORE is not");
        assertThatThrownBy(() -> Settings.from(Map.of("EVIDENCE_HTTP_TLS_KEYSTORE", "/some/store.p12")))
                .hasMessageContaining("EVIDENCE_HTTP_TLS_KEYSTORE_PASSWORD");
    }

    private Settings settings(Path keyStore, String password) {
        Map<String, String> environment = SharedInfrastructure.storeEnvironment(dir.resolve("data"));
        environment.put("EVIDENCE_HTTP_TLS_KEYSTORE", keyStore.toString());
        environment.put("EVIDENCE_HTTP_TLS_KEYSTORE_PASSWORD", password);
        return Settings.from(environment);
    }

    private static HttpRequest.Builder get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET();
    }
}
