package nl.evidencestore.shared.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.json.RawJson;
import org.junit.jupiter.api.Test;

class ForwardedEventsTest {
    private static final byte[] PAYLOAD = "{\"agreementId\":\"agr-1\",\"party\":\"CONTROLLER\",\"nested\":{\"a\":[1,{\"b\":\"}\"}]}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant RECORDED_AT = Instant.parse("2026-03-01T09:30:00.123Z");

    @Test
    void readsBackWhatItWroteWithThePayloadBytesAsStored() {
        ForwardedEvent read = ForwardedEvents.read(
                ForwardedEvents.write("ev-1", "AgreementSigned", "agr-1", 3, 42, RECORDED_AT, PAYLOAD));

        assertThat(read.eventId()).isEqualTo("ev-1");
        assertThat(read.type()).isEqualTo("AgreementSigned");
        assertThat(read.streamId()).isEqualTo("agr-1");
        assertThat(read.sequence()).isEqualTo(3);
        assertThat(read.position()).isEqualTo(42);
        assertThat(read.recordedAt()).isEqualTo(RECORDED_AT);
        assertThat(read.payload().bytes()).isEqualTo(PAYLOAD);
        assertThat(read.payload().tree().get("party").asText()).isEqualTo("CONTROLLER");
    }

    /** The forwarder's bytes are what the generator writes, with ids that need escaping or not. */
    @Test
    void writesTheSameBytesFromStoredPayloadBytesAsFromTheEvent() {
        byte[] payload = "{\"actor\":\"Zoë \\\"Ü\\\" 😀\"}".getBytes(StandardCharsets.UTF_8);
        for (String id : new String[] {"ev-3", "ev-\"3\"", "ev\\3", "ev-ß", "ev-\n3"}) {
            ForwardedEvent event = new ForwardedEvent(id, "AccessRecorded", "agr-" + id, 5, 9, RECORDED_AT,
                    RawJson.of(payload));

            byte[] fromBytes = ForwardedEvents.write(id, "AccessRecorded", "agr-" + id, 5, 9, RECORDED_AT, payload);

            assertThat(fromBytes).isEqualTo(ForwardedEvents.write(event));
            assertThat(ForwardedEvents.read(fromBytes)).isEqualTo(event);
        }
    }

    @Test
    void readsItsOwnFormByHandAsTheParserReadsIt() {
        for (long position : new long[] {0, 9, 10, 123_456_789_012_345_678L}) {
            byte[] written = ForwardedEvents.write("ev-" + position, "AccessRecorded", "agr-1", position / 2, position,
                    RECORDED_AT, PAYLOAD);

            assertThat(ForwardedEvents.readAsWritten(written)).isEqualTo(ForwardedEvents.read(written));
        }
    }

    @Test
    void leavesEveryOtherFormToTheParser() {
        ForwardedEvent event = new ForwardedEvent("ev-4", "AccessRecorded", "agr-4", 1, 12, RECORDED_AT,
                RawJson.of(PAYLOAD));
        String written = new String(ForwardedEvents.write(event), StandardCharsets.UTF_8);

        assertThat(ForwardedEvents.readAsWritten(utf8(written.replace("\"type\":\"AccessRecorded\",", "")
                .replace("\"sequence\"", "\"type\":\"AccessRecorded\",\"sequence\"")))).isNull();
        assertThat(ForwardedEvents.readAsWritten(ForwardedEvents.write(
                "ev-\"4\"", "AccessRecorded", "agr-4", 1, 12, RECORDED_AT, PAYLOAD))).isNull();
        for (String other : new String[] {written.replace("\"position\":12", "\"position\":012"),
                written.replace("\"position\":12", "\"position\":-12"),
                written.replace("\"payload\":", "\"payload\": "),
                written.substring(0, written.length() - 1) + " }",
                written.replace("\"recordedAt\":\"2026-03-01T09:30:00.123Z\"", "\"recordedAt\":\"yesterday\"")}) {
            assertThat(ForwardedEvents.readAsWritten(utf8(other))).as(other).isNull();
        }
    }

    @Test
    void readsWhatJacksonWritesAndJacksonReadsTheSame() {
        ForwardedEvent event = new ForwardedEvent("ev-2", "AccessRecorded", "agr-2", 0, 7, RECORDED_AT,
                RawJson.of(PAYLOAD));

        byte[] written = Json.write(event);

        assertThat(ForwardedEvents.read(written)).isEqualTo(event);
        assertThat(Json.read(written, ForwardedEvent.class)).isEqualTo(event);
        assertThat(ForwardedEvents.read(ForwardedEvents.write(event))).isEqualTo(event);
    }

    @Test
    void skipsUnknownMembersAndLeavesMissingOnesEmpty() {
        ForwardedEvent read = ForwardedEvents.read(utf8(
                "{\"later\":{\"x\":[1,2]},\"type\":\"AgreementSigned\",\"payload\":{\"a\":\"b\"},\"position\":9}"));

        assertThat(read.type()).isEqualTo("AgreementSigned");
        assertThat(read.position()).isEqualTo(9);
        assertThat(read.payload().text()).isEqualTo("{\"a\":\"b\"}");
        assertThat(read.eventId()).isNull();
        assertThat(read.recordedAt()).isNull();
    }

    @Test
    void refusesWhatIsNotOneForwardedEventWithoutQuotingIt() {
        assertThatThrownBy(() -> ForwardedEvents.read(utf8("[1]"))).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> ForwardedEvents.read(utf8("{\"eventId\":\"secret-1\"} {}")))
                .hasMessageContaining("one JSON object");
        assertThatThrownBy(() -> ForwardedEvents.read(utf8("{\"eventId\":\"secret-2\",\"payload\":")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
        assertThatThrownBy(() -> ForwardedEvents.read(utf8("{\"payload\":\"secret-3\"}")))
                .hasMessage("payload must be a JSON object");
        assertThatThrownBy(() -> ForwardedEvents.read(utf8("{\"position\":\"7\"}")))
                .hasMessage("position must be a whole number");
        assertThatThrownBy(() -> ForwardedEvents.read(utf8("{\"recordedAt\":\"yesterday\"}")))
                .hasMessage("recordedAt must be an ISO-8601 instant");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
