package nl.evidencestore.shared.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Expected values were computed outside this code base (Python: json.dumps with sorted keys
 * and no spaces, which is RFC 8785 for ASCII strings and small integers; hashlib.sha256).
 */
class EventHashTest {
    private static final byte[] PAYLOAD =
            "{\"agreementId\":\"agr-1\",\"signatory\":\"J. Jansen\"}".getBytes(StandardCharsets.UTF_8);
    private static final String PAYLOAD_SHA256 = "3dbf85f64e2978bb2b470e6c173528f52c1632e9ded012fbd46176bcebe0f731";
    private static final String FIRST_HASH = "e45cbb7c55d20005a7eb34b6dc097c136efa799a654059cc9275621f0dd8b2b5";

    private static EventEnvelope first() {
        return new EventEnvelope(EventEnvelope.VERSION, "0b4c2c1e-7d3a-4f61-9a8e-2f9d5c1b7e01", "agreement.signed",
                "agreement/agr-1", 0, Instant.parse("2026-11-25T09:30:00Z"),
                Instant.parse("2026-11-25T09:30:00.123456Z"), EventHash.GENESIS, PAYLOAD_SHA256);
    }

    @Test
    void printsInstantsAsTheFixedWidthPatternDoes() {
        java.time.format.DateTimeFormatter pattern = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 5_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L, random.nextInt(1_000_000_000));
            assertThat(EventHash.format(instant)).as(instant.toString()).isEqualTo(pattern.format(instant));
        }
        for (Instant edge : java.util.List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"))) {
            assertThat(EventHash.format(edge)).as(edge.toString()).isEqualTo(pattern.format(edge));
        }
    }

    @Test
    void hashesTheCanonicalJsonOfTheEnvelope() {
        assertThat(EventHash.payloadSha256(PAYLOAD)).isEqualTo(PAYLOAD_SHA256);
        assertThat(new String(EventHash.canonical(first()), StandardCharsets.UTF_8)).isEqualTo(
                "{\"eventId\":\"0b4c2c1e-7d3a-4f61-9a8e-2f9d5c1b7e01\",\"occurredAt\":\"2026-11-25T09:30:00.000000Z\","
                + "\"payloadSha256\":\"" + PAYLOAD_SHA256 + "\",\"prevHash\":\"" + "0".repeat(64) + "\","
                + "\"recordedAt\":\"2026-11-25T09:30:00.123456Z\",\"sequence\":0,\"streamId\":\"agreement/agr-1\","
                + "\"type\":\"agreement.signed\",\"v\":1}");
        assertThat(EventHash.of(first())).isEqualTo(FIRST_HASH);
    }

    @Test
    void chainsTheNextEventToThePreviousHash() {
        Instant at = Instant.parse("2026-11-25T09:31:00.000001Z");
        EventEnvelope second = new EventEnvelope(1, "e2", "agreement.signed", "agreement/agr-1", 1, at, at,
                FIRST_HASH, PAYLOAD_SHA256);

        assertThat(EventHash.of(second)).isEqualTo("50d693887473c21fe9754a7814cfa1c4ff7f50501b926060cf4ee1127e4e8a27");
    }

    @Test
    void givesTheLogThe32RawBytesOfTheHash() {
        assertThat(EventHash.bytes(FIRST_HASH)).hasSize(TreeHash.SIZE);
        assertThat(EventHash.GENESIS).hasSize(64).matches("0+");
    }

    @Test
    void refusesEnvelopesThatCouldHashAmbiguously() {
        EventEnvelope e = first();
        Instant t = e.recordedAt();

        assertThatThrownBy(() -> new EventEnvelope(1, e.eventId(), e.type(), e.streamId(), 1L << 53, t, t,
                FIRST_HASH, PAYLOAD_SHA256)).hasMessageContaining("2^53");
        assertThatThrownBy(() -> new EventEnvelope(1, e.eventId(), e.type(), e.streamId(), -1, t, t,
                FIRST_HASH, PAYLOAD_SHA256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventEnvelope(1, e.eventId(), e.type(), e.streamId(), 1, t.plusNanos(1), t,
                FIRST_HASH, PAYLOAD_SHA256)).hasMessageContaining("microseconds");
        assertThatThrownBy(() -> new EventEnvelope(1, null, e.type(), e.streamId(), 1, t, t,
                FIRST_HASH, PAYLOAD_SHA256)).hasMessageContaining("eventId");
        assertThatThrownBy(() -> new EventEnvelope(1, e.eventId(), e.type(), e.streamId(), 1, t, t,
                FIRST_HASH.toUpperCase(), PAYLOAD_SHA256)).hasMessageContaining("prevHash");
        assertThatThrownBy(() -> new EventEnvelope(1, e.eventId(), e.type(), e.streamId(), 0, t, t,
                FIRST_HASH, PAYLOAD_SHA256)).hasMessageContaining("genesis");
    }
}
