package nl.evidencestore.shared.subject;

import java.util.regex.Pattern;
import nl.evidencestore.shared.model.Token;

/**
 * A subject reference as events hold it (domain.md, "Personal data inside the store itself"):
 * encrypted under the subject's own key, named by {@code keyId}. The key lives outside the
 * events, in the key store; destroying it erases the reference while the event, and every hash
 * over it, stays as it was. {@code ciphertext} is base64(nonce ‖ AES-GCM ciphertext ‖ tag).
 */
public record SealedSubject(String keyId, String ciphertext) {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    public SealedSubject {
        Token.id(keyId, "subject.keyId");
        Token.required(ciphertext, "subject.ciphertext");
        if (!BASE64.matcher(ciphertext).matches()) {
            throw new IllegalArgumentException("subject.ciphertext must be standard base64");
        }
    }
}
