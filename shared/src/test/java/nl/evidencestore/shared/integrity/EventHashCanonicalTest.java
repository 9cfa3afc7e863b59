package nl.evidencestore.shared.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import nl.evidencestore.shared.json.Json;
import org.junit.jupiter.api.Test;

/** The envelope written field by field is exactly what the general JCS canonicaliser makes of it, whatever the strings hold. */
class EventHashCanonicalTest {
    private static final String ALPHABET = "aZ09-_/.:\"\\\b\f\n\r\t\u0000\u0001\u001f\u007f\u00e9\u2028\u20ac\ud83d\ude00 ";

    @Test
    void writesTheSameBytesAsEventHashForAwkwardStrings() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            EventEnvelope envelope = new EventEnvelope(1 + random.nextInt(3), text(random), text(random), text(random),
                    Math.abs(random.nextLong()) % (1L << 53), Instant.ofEpochSecond(random.nextInt(2_000_000_000), 1_000L
                    * random.nextInt(1_000_000)), Instant.ofEpochSecond(random.nextInt(2_000_000_000)),
                    i == 0 ? EventHash.GENESIS : "ab".repeat(32), "cd".repeat(32));
            if (envelope.sequence() == 0) {
                continue;
            }
            assertThat(new String(EventHash.canonical(envelope), StandardCharsets.UTF_8))
                    .isEqualTo(new String(Json.canonical(fields(envelope)), StandardCharsets.UTF_8));
        }
    }

    private static java.util.Map<String, Object> fields(EventEnvelope envelope) {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("v", envelope.v());
        fields.put("eventId", envelope.eventId());
        fields.put("type", envelope.type());
        fields.put("streamId", envelope.streamId());
        fields.put("sequence", envelope.sequence());
        fields.put("occurredAt", EventHash.format(envelope.occurredAt()));
        fields.put("recordedAt", EventHash.format(envelope.recordedAt()));
        fields.put("prevHash", envelope.prevHash());
        fields.put("payloadSha256", envelope.payloadSha256());
        return fields;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder("x");
        for (int n = random.nextInt(12); n > 0; n--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
