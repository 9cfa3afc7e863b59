package nl.evidencestore.shared.integrity;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.evidencestore.shared.json.Json;

/** SHA-256 over the RFC 8785 (JCS) bytes of an {@link EventEnvelope}, in lower-case hex. */
public final class EventHash {
    /** The prevHash of a stream's first event: there is no previous event. */
    public static final String GENESIS = "0".repeat(64);
    // One fixed width, so writer and verifier print an instant the same way whatever their
    // JSON library's defaults (ISO_INSTANT drops trailing zero digits).
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private EventHash() {
    }

    public static String of(EventEnvelope envelope) {
        return Json.sha256Hex(canonical(envelope));
    }

    /** The exact bytes that are hashed, for a verifier that must show what it checked. */
    public static byte[] canonical(EventEnvelope envelope) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("v", envelope.v());
        fields.put("eventId", envelope.eventId());
        fields.put("type", envelope.type());
        fields.put("streamId", envelope.streamId());
        fields.put("sequence", envelope.sequence());
        fields.put("occurredAt", format(envelope.occurredAt()));
        fields.put("recordedAt", format(envelope.recordedAt()));
        fields.put("prevHash", envelope.prevHash());
        fields.put("payloadSha256", envelope.payloadSha256());
        return Json.canonical(fields);
    }

    /** An instant as every hashed form prints it: UTC, always six fraction digits. */
    public static String format(Instant instant) {
        return TIME.format(instant);
    }

    /** Reads {@link #format}'s form back; anything else is refused, so one instant has one text. */
    public static Instant parse(String text) {
        Instant instant;
        try {
            instant = Instant.from(TIME.parse(text));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not an instant of the form 2026-03-01T09:30:00.000000Z: " + text);
        }
        if (!format(instant).equals(text)) {
            throw new IllegalArgumentException("not an instant of the form 2026-03-01T09:30:00.000000Z: " + text);
        }
        return instant;
    }

    /** The payloadSha256 of a payload stored as exactly these bytes. */
    public static String payloadSha256(byte[] storedPayload) {
        return Json.sha256Hex(storedPayload);
    }

    /** The leaf data the global log appends for an event: the 32 raw bytes of its hash. */
    public static byte[] bytes(String eventHash) {
        if (eventHash == null || eventHash.length() != 64) {
            throw new IllegalArgumentException("an event hash is 64 hex digits");
        }
        return HexFormat.of().parseHex(eventHash);
    }
}
