package nl.evidencestore.shared.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.event.agreement.PurposeAdded;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Purpose;
import org.junit.jupiter.api.Test;

class EventLineTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:30:00.123456Z");

    @Test
    void a_line_reads_back_to_the_same_envelope_hash_and_payload_bytes() {
        byte[] payload = Json.canonical(new PurposeAdded(new AgreementId("agr-1"), new Purpose("RESEARCH"),
                "consent-7", LocalDate.parse("2026-03-01")));
        EventLine line = line(payload);

        EventLine read = EventLine.parse(line.toJsonl());

        assertThat(read).isEqualTo(line);
        assertThat(read.payload()).isEqualTo(payload);
        assertThat(read.event()).containsInstanceOf(PurposeAdded.class);
    }

    @Test
    void a_line_is_canonical_json_with_a_newline() {
        byte[] jsonl = line(Json.canonical(java.util.Map.of("b", 1, "a", "x"))).toJsonl();
        String text = new String(jsonl, StandardCharsets.UTF_8);

        assertThat(text).endsWith("}\n").startsWith("{\"eventId\":");
        assertThat(Json.canonical(Json.read(jsonl, Object.class))).isEqualTo(java.util.Arrays.copyOf(jsonl, jsonl.length - 1));
    }

    @Test
    void a_line_written_directly_is_the_jcs_form_of_its_fields_whatever_the_characters() {
        for (String awkward : List.of("plain-id", "quote\"back\\slash", "tab\tnew\nline\u0001\u001f", "é€😀\u2028",
                "<script>&")) {
            byte[] payload = Json.canonical(java.util.Map.of("note", awkward, "n", 12345678901L, "list", List.of(1, "x")));
            EventEnvelope envelope = new EventEnvelope(1, awkward, "PurposeAdded", awkward + "/stream", 9_007_199_254_740_991L,
                    AT, AT, "d".repeat(64), EventHash.payloadSha256(payload));
            for (EventLine line : List.of(new EventLine(envelope, "e".repeat(64), payload), EventLine.stub(envelope, "e".repeat(64)))) {
                java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
                fields.put("v", 1);
                fields.put("eventId", awkward);
                fields.put("type", "PurposeAdded");
                fields.put("streamId", awkward + "/stream");
                fields.put("sequence", 9_007_199_254_740_991L);
                fields.put("occurredAt", EventHash.format(AT));
                fields.put("recordedAt", EventHash.format(AT));
                fields.put("prevHash", "d".repeat(64));
                fields.put("payloadSha256", EventHash.payloadSha256(payload));
                fields.put("hash", "e".repeat(64));
                if (!line.isStub()) {
                    fields.put("payload", Json.read(payload, Object.class));
                }
                byte[] expected = Json.canonical(fields);

                assertThat(new String(line.toJsonl(), StandardCharsets.UTF_8))
                        .isEqualTo(new String(expected, StandardCharsets.UTF_8) + "\n");
            }
        }
    }

    @Test
    void a_stub_has_no_payload_and_no_event() {
        EventLine stub = EventLine.stub(envelope("0".repeat(64).replace('0', 'a')), "b".repeat(64));

        EventLine read = EventLine.parse(stub.toJsonl());

        assertThat(read.isStub()).isTrue();
        assertThat(read.event()).isEmpty();
        assertThat(new String(stub.toJsonl(), StandardCharsets.UTF_8)).doesNotContain("payload\":{");
    }

    @Test
    void an_instant_in_another_form_is_refused() {
        String text = new String(line(Json.canonical(List.of())).toJsonl(), StandardCharsets.UTF_8)
                .replace("09:30:00.123456Z", "09:30:00.123456000Z");

        assertThatThrownBy(() -> EventLine.parse(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-03-01T09:30:00.123456000Z");
    }

    private static EventLine line(byte[] payload) {
        return new EventLine(envelope(EventHash.payloadSha256(payload)), "c".repeat(64), payload);
    }

    private static EventEnvelope envelope(String payloadSha256) {
        return new EventEnvelope(1, "event-1", "PurposeAdded", "agr-1", 0, AT, AT, EventHash.GENESIS, payloadSha256);
    }
}
