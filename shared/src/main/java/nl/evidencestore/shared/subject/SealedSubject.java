package nl.evidencestore.shared.subject;

import nl.evidencestore.shared.model.Token;

/**
 * A subject reference as events hold it (domain.md, "Personal data inside the store itself"):
 * encrypted under the subject's own key, named by {@code keyId}. The key lives outside the
 * events, in the key store; destroying it erases the reference while the event, and every hash
 * over it, stays as it was. {@code ciphertext} is base64(nonce ‖ AES-GCM ciphertext ‖ tag).
 */
public record SealedSubject(String keyId, String ciphertext) {
    public SealedSubject {
        Token.id(keyId, "subject.keyId");
        Token.required(ciphertext, "subject.ciphertext");
        if (!isBase64(ciphertext)) {
            throw new IllegalArgumentException("subject.ciphertext must be standard base64");
        }
    }

    /**
     * {@code [A-Za-z0-9+/]+={0,2}}, checked by hand: every access carries a reference, and a
     * bundle of a million accesses spent more on the pattern than on the rest of the record.
     */
    static boolean isBase64(String text) {
        int end = text.length();
        int padding = 0;
        while (padding < 2 && end > 0 && text.charAt(end - 1) == '=') {
            end--;
            padding++;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
                return false;
            }
        }
        return true;
    }
}
