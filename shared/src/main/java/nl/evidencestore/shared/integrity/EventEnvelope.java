package nl.evidencestore.shared.integrity;

import java.time.Instant;
import java.util.Objects;
import nl.evidencestore.shared.model.Token;

/**
 * What an event hash covers: the event's identity, place in its stream, times, the previous
 * event's hash and the hash of its stored payload bytes (evidence-bundle spec, "Event hash").
 *
 * <p>Every field is required: the canonical JSON leaves out nulls, so a missing field would
 * hash like a different envelope rather than fail.
 */
public record EventEnvelope(int v, String eventId, String type, String streamId, long sequence,
                            Instant occurredAt, Instant recordedAt, String prevHash, String payloadSha256) {
    public static final int VERSION = 1;
    /** RFC 8785 numbers are IEEE doubles: above 2^53 two sequences could share one JSON number. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final boolean[] HEX = Token.table("0123456789abcdef");

    public EventEnvelope {
        if (v < 1) {
            throw new IllegalArgumentException("envelope version must be positive: " + v);
        }
        requireText("eventId", eventId);
        requireText("type", type);
        requireText("streamId", streamId);
        if (sequence < 0 || sequence > MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("sequence " + sequence + " is outside 0..2^53-1");
        }
        requireMicros("occurredAt", occurredAt);
        requireMicros("recordedAt", recordedAt);
        requireHex("prevHash", prevHash);
        requireHex("payloadSha256", payloadSha256);
        if (sequence == 0 && !prevHash.equals(EventHash.GENESIS)) {
            throw new IllegalArgumentException("the first event of a stream has the genesis prevHash");
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    // PostgreSQL keeps microseconds: a finer instant would hash differently once read back.
    private static void requireMicros(String name, Instant value) {
        Objects.requireNonNull(value, name + " is required");
        if (value.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException(name + " " + value + " is finer than microseconds");
        }
    }

    // Every line of a bundle builds an envelope: a character loop, not a regular expression.
    private static void requireHex(String name, String value) {
        if (!isSha256Hex(value)) {
            throw new IllegalArgumentException(name + " must be 64 lower-case hex digits");
        }
    }

    static boolean isSha256Hex(String value) {
        return value != null && value.length() == 64 && Token.all(value, 0, HEX);
    }
}
