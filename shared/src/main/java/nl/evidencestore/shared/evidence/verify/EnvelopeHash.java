package nl.evidencestore.shared.evidence.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;

/**
 * {@link EventHash#of} without the general JCS round trip: the envelope's fields are known, so
 * their canonical bytes are written directly (keys in JCS order, strings escaped as RFC 8785
 * escapes them). A test holds it byte for byte to {@link EventHash#canonical}.
 */
final class EnvelopeHash {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    private EnvelopeHash() {
    }

    static String of(EventEnvelope e) {
        return HexFormat.of().formatHex(SHA256.get().digest(canonical(e)));
    }

    static byte[] canonical(EventEnvelope e) {
        StringBuilder json = new StringBuilder(320);
        json.append("{\"eventId\":");
        string(json, e.eventId());
        json.append(",\"occurredAt\":\"").append(EventHash.format(e.occurredAt()));
        json.append("\",\"payloadSha256\":");
        string(json, e.payloadSha256());
        json.append(",\"prevHash\":");
        string(json, e.prevHash());
        json.append(",\"recordedAt\":\"").append(EventHash.format(e.recordedAt()));
        json.append("\",\"sequence\":").append(e.sequence());
        json.append(",\"streamId\":");
        string(json, e.streamId());
        json.append(",\"type\":");
        string(json, e.type());
        json.append(",\"v\":").append(e.v()).append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 8785 §3.2.2.2: the short escapes, \\u00xx for other controls, everything else as is. */
    static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
