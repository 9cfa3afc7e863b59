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

    private static final boolean[] BASE64 = Token.table("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    /**
     * {@code [A-Za-z0-9+/]+={0,2}}: a character loop, not a regular expression, since every
     * access a verifier reads seals one (SealedSubjectTest holds it to the pattern). A table, not
     * comparisons: on random base64 the branches of a range test are mispredicted half the time.
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
            if (!Token.in(BASE64, text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
