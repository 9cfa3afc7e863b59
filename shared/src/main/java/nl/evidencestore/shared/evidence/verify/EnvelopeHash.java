package nl.evidencestore.shared.evidence.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;

/**
 * {@link EventHash#of} with one digest per thread, for the lines that are not canonical (a
 * canonical line is hashed in place, {@link CanonicalLine#eventHashHolds}).
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
        return HexFormat.of().formatHex(SHA256.get().digest(EventHash.canonical(e)));
    }
}
