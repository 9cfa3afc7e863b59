package nl.evidencestore.command.store;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the command ledger keeps of a command's content: HMAC-SHA256 under the ledger's own
 * secret. Equal content gives equal digests, so a repeat is still a repeat and other content a
 * conflict; but a plain hash of content that held a subject reference would let anyone holding
 * the table confirm a guessed reference, also after the subject was erased.
 */
final class ContentDigest {
    /** One Mac per thread: a batch of 10,000 accesses digests 10,000 contents. */
    private final ThreadLocal<Mac> macs;

    ContentDigest(byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        });
    }

    String of(byte[] content) {
        return HexFormat.of().formatHex(macs.get().doFinal(content));
    }
}
