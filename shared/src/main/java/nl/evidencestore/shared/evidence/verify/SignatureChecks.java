package nl.evidencestore.shared.evidence.verify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.shared.integrity.VerificationKey;

/**
 * {@code manifest.sig} over the exact bytes of {@code manifest.json} with {@code public-key.pem};
 * and whether that key is one the auditor trusts. The key inside the bundle vouches only for
 * itself, so without a key given from elsewhere authenticity is never a pass.
 */
final class SignatureChecks {
    private SignatureChecks() {
    }

    static Check manifestSignature(Optional<byte[]> manifest, Optional<byte[]> signature, VerificationKey bundleKey,
                                   String keyProblem) {
        if (bundleKey == null) {
            return Check.fail(Checks.MANIFEST_SIGNATURE, keyProblem);
        }
        if (manifest.isEmpty() || signature.isEmpty()) {
            return Check.fail(Checks.MANIFEST_SIGNATURE, "manifest.json or manifest.sig is missing");
        }
        String text = new String(signature.get(), StandardCharsets.US_ASCII);
        byte[] decoded;
        try {
            if (!text.endsWith("\n") || text.indexOf('\n') != text.length() - 1) {
                throw new IllegalArgumentException("not one line");
            }
            decoded = Base64.getDecoder().decode(text.substring(0, text.length() - 1));
        } catch (IllegalArgumentException e) {
            return Check.fail(Checks.MANIFEST_SIGNATURE, "manifest.sig is not one line of base64: " + e.getMessage());
        }
        if (!bundleKey.verifies(manifest.get(), decoded)) {
            return Check.fail(Checks.MANIFEST_SIGNATURE, "manifest.sig does not verify over manifest.json with public-key.pem");
        }
        return Check.pass(Checks.MANIFEST_SIGNATURE, "manifest.json is signed by public-key.pem (" + bundleKey + ")");
    }

    static Check authenticity(Optional<VerificationKey> trusted, VerificationKey bundleKey, boolean signaturesHold) {
        if (trusted.isEmpty()) {
            return new Check(Checks.AUTHENTICITY, Check.Status.NOT_ESTABLISHED,
                    "no --public-key given: the key inside the bundle vouches only for itself", List.of());
        }
        if (!trusted.get().equals(bundleKey)) {
            return Check.fail(Checks.AUTHENTICITY, "public-key.pem is not the key given with --public-key ("
                    + trusted.get() + ")");
        }
        if (!signaturesHold) {
            return Check.fail(Checks.AUTHENTICITY, "the given key is the bundle's, but its signatures do not hold");
        }
        return Check.pass(Checks.AUTHENTICITY, "the manifest and the checkpoint are signed by the given key");
    }
}
