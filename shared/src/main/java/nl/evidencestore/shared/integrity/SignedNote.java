package nl.evidencestore.shared.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * A C2SP signed note (https://c2sp.org/signed-note) with Ed25519 signatures: the text, an empty
 * line, then lines {@code — <name> base64(keyId[4] ‖ signature[64])}. The signature covers the
 * text's UTF-8 bytes, which end in a newline.
 */
public final class SignedNote {
    private static final String DASH = "\u2014 ";

    private SignedNote() {
    }

    /** {@code text} signed by {@code key} under {@code name}. */
    public static String sign(String text, String name, SigningKey key) {
        requireText(text);
        byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] line = new byte[4 + signature.length];
        System.arraycopy(key.verificationKey().keyId(name), 0, line, 0, 4);
        System.arraycopy(signature, 0, line, 4, signature.length);
        return text + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(line) + "\n";
    }

    /**
     * The text of {@code note}, once a signature line of {@code name} with {@code key}'s key id
     * verifies; otherwise {@link ProofRejected} saying why. Lines of other signers are ignored.
     */
    public static String open(String note, String name, VerificationKey key) {
        int split = note == null ? -1 : note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new ProofRejected("not a signed note: no empty line before the signatures");
        }
        String text = note.substring(0, split + 1);
        requireText(text);
        byte[] keyId = key.keyId(name);
        boolean signedByOther = false;
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(DASH + name + " ")) {
                signedByOther = true;
                continue;
            }
            byte[] value = decode(line.substring(DASH.length() + name.length() + 1));
            if (!MessageDigest.isEqual(Arrays.copyOf(value, 4), keyId)) {
                signedByOther = true;
                continue;
            }
            if (!key.verifies(text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(value, 4, value.length))) {
                throw new ProofRejected("the note's signature by " + name + " does not verify with the key");
            }
            return text;
        }
        throw new ProofRejected(signedByOther ? "the note is signed by another key than the one given"
                : "the note carries no signature of " + name);
    }

    private static byte[] decode(String base64) {
        try {
            byte[] value = Base64.getDecoder().decode(base64);
            if (value.length != 4 + 64) {
                throw new ProofRejected("an Ed25519 note signature is 68 bytes, not " + value.length);
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new ProofRejected("a note signature is not base64");
        }
    }

    private static void requireText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
            throw new IllegalArgumentException("a note's text ends in a newline and has no empty line");
        }
    }
}
