package nl.evidencestore.shared.evidence.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.json.JcsText;

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
        return EventHash.canonical(e);
    }

    static void string(StringBuilder json, String value) {
        JcsText.string(json, value);
    }
}
