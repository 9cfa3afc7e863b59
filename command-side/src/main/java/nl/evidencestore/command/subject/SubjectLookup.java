package nl.evidencestore.command.subject;

import java.nio.charset.StandardCharsets;
import nl.evidencestore.command.store.KeyedDigest;
import nl.evidencestore.shared.model.ControllerId;

/**
 * How the key store finds a subject's key without holding the reference in clear: a keyed
 * digest of (controller, reference) under the key store's secret. The row that holds it is the
 * row of the key, so destroying the key destroys the lookup too.
 */
final class SubjectLookup {
    private final KeyedDigest digest;

    SubjectLookup(KeyedDigest digest) {
        this.digest = digest;
    }

    String of(ControllerId controller, String subjectRef) {
        // The controller id is a token without NUL: the separator keeps ("a", "b:c") and ("a:b", "c") apart.
        return digest.of((controller.value() + "\u0000" + subjectRef).getBytes(StandardCharsets.UTF_8));
    }
}
