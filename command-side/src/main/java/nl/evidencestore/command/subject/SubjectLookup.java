package nl.evidencestore.command.subject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.evidencestore.shared.model.ControllerId;

/**
 * How the key store finds a subject's key without holding the reference in clear: HMAC-SHA256
 * of (controller, reference) under the store's secret. The row that holds it is the row of the
 * key, so destroying the key destroys the lookup too.
 */
final class SubjectLookup {
    /** One Mac per thread: a batch of 10,000 subjects must not look the algorithm up 10,000 times. */
    private final ThreadLocal<Mac> macs;

    SubjectLookup(byte[] secret) {
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

    String of(ControllerId controller, String subjectRef) {
        // The controller id is a token without NUL: the separator keeps ("a", "b:c") and ("a:b", "c") apart.
        byte[] input = (controller.value() + "\u0000" + subjectRef).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(macs.get().doFinal(input));
    }
}
