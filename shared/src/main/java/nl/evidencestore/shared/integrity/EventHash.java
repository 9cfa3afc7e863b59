package nl.evidencestore.shared.integrity;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import nl.evidencestore.shared.json.JcsText;
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

    /**
     * The exact bytes that are hashed, for a verifier that must show what it checked: the JCS
     * form of the envelope, written field by field in JCS key order (it is on every event's
     * path); EventHashTest holds it byte for byte to the general canonicaliser.
     */
    public static byte[] canonical(EventEnvelope envelope) {
        // An access envelope is about 390 characters: room for it without growing.
        StringBuilder json = new StringBuilder(512);
        json.append("{\"eventId\":");
        JcsText.string(json, envelope.eventId());
        json.append(",\"occurredAt\":\"").append(format(envelope.occurredAt()));
        // The envelope holds both hashes as 64 lower-case hex digits: nothing to escape.
        json.append("\",\"payloadSha256\":\"").append(envelope.payloadSha256());
        json.append("\",\"prevHash\":\"").append(envelope.prevHash());
        json.append("\",\"recordedAt\":\"").append(format(envelope.recordedAt()));
        json.append("\",\"sequence\":").append(envelope.sequence());
        json.append(",\"streamId\":");
        JcsText.string(json, envelope.streamId());
        json.append(",\"type\":");
        JcsText.string(json, envelope.type());
        json.append(",\"v\":").append(envelope.v()).append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An instant as every hashed form prints it: UTC, always six fraction digits. */
    public static String format(Instant instant) {
        String fast = FixedWidthInstant.format(instant, 6);
        return fast != null ? fast : TIME.format(instant);
    }

    /** Reads {@link #format}'s form back; anything else is refused, so one instant has one text. */
    public static Instant parse(String text) {
        Instant fast = FixedWidthInstant.parse(text, 6);
        if (fast != null) {
            return fast;
        }
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

    /** An event's leaf hash in the global log: SHA-256(0x00 ‖ the 32 raw bytes of its hash). */
    public static byte[] leafHash(String eventHash) {
        return TreeHash.leaf(bytes(eventHash));
    }

    /** The leaf data the global log appends for an event: the 32 raw bytes of its hash. */
    public static byte[] bytes(String eventHash) {
        if (eventHash == null || eventHash.length() != 64) {
            throw new IllegalArgumentException("an event hash is 64 hex digits");
        }
        return HexFormat.of().parseHex(eventHash);
    }
}
