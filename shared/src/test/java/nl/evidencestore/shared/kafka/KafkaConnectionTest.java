package nl.evidencestore.shared.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {
    @Test
    void aClientGetsTheBootstrapServersAndTheSecuritySettingsBesideItsOwn() {
        KafkaConnection kafka = new KafkaConnection("broker:9093", Map.of("security.protocol", "SSL",
                "ssl.truststore.location", "/etc/trust.p12"));

        assertThat(kafka.settings(Map.of("acks", "all"))).isEqualTo(Map.of("acks", "all",
                "bootstrap.servers", "broker:9093", "security.protocol", "SSL", "ssl.truststore.location", "/etc/trust.p12"));
    }

    @Test
    void onlyHowToConnectIsTakenNeverHowTheClientsBehave() {
        assertThatThrownBy(() -> new KafkaConnection("broker:9093", Map.of("enable.idempotence", "false")))
                .hasMessageContaining("enable.idempotence is not taken");
        assertThatThrownBy(() -> new KafkaConnection("broker:9093", Map.of("bootstrap.servers", "elsewhere:9092")))
                .hasMessageContaining("bootstrap.servers is not taken");
    }

    @Test
    void itsTextNamesTheSettingsButNotTheirValues() {
        KafkaConnection kafka = new KafkaConnection("broker:9093", Map.of("ssl.truststore.password", "s3cret"));

        assertThat(kafka.toString()).contains("broker:9093", "ssl.truststore.password").doesNotContain("s3cret");
    }

    @Test
    void bootstrapServersAreRequired() {
        assertThatThrownBy(() -> KafkaConnection.plain(" ")).hasMessageContaining("bootstrap servers are required");
    }
}
