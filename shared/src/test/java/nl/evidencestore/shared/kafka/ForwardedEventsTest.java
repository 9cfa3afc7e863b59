package nl.evidencestore.shared.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import nl.evidencestore.shared.json.Json;
import org.junit.jupiter.api.Test;

class ForwardedEventsTest {
    @Test
    void wrapsTheStoredPayloadBytesIntoAForwardedEvent() {
        byte[] payload = "{\"agreementId\":\"agr-1\",\"party\":\"CONTROLLER\"}".getBytes(StandardCharsets.UTF_8);
        Instant recordedAt = Instant.parse("2026-03-01T09:30:00.123Z");

        ForwardedEvent read = Json.read(ForwardedEvents.write("ev-1", "AgreementSigned", "agr-1", 3, 42, recordedAt, payload),
                ForwardedEvent.class);

        assertThat(read.eventId()).isEqualTo("ev-1");
        assertThat(read.type()).isEqualTo("AgreementSigned");
        assertThat(read.sequence()).isEqualTo(3);
        assertThat(read.position()).isEqualTo(42);
        assertThat(read.recordedAt()).isEqualTo(recordedAt);
        assertThat(read.payload().get("party").asText()).isEqualTo("CONTROLLER");
    }
}
