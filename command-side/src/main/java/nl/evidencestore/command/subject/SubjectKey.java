package nl.evidencestore.command.subject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.subject.SealedSubject;

/**
 * One subject's AES-256 key, named by a random id. Sealing uses AES-GCM with a random 96-bit
 * nonce and binds the key id and the controller as associated data, so that a ciphertext moved
 * to another key id or controller does not open. {@link #toString()} never shows the key.
 */
record SubjectKey(String keyId, ControllerId controller, byte[] key) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** One per thread, initialised for each use: a batch seals thousands of references. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    /** Random, never derived from the reference: a destroyed key cannot be made again. */
    static SubjectKey fresh(ControllerId controller) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new SubjectKey(UUID.randomUUID().toString(), controller, key);
    }

    /** Nonces from one generator per thread: the system's shared one serialises a batch's seals on its lock. */
    private static final ThreadLocal<SecureRandom> NONCES = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (GeneralSecurityException e) {
            return new SecureRandom();
        }
    });

    SealedSubject seal(String subjectRef) {
        byte[] nonce = new byte[NONCE_BYTES];
        NONCES.get().nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, subjectRef.getBytes(StandardCharsets.UTF_8), 0);
        byte[] out = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return new SealedSubject(keyId, Base64.getEncoder().encodeToString(out));
    }

    /** The reference; a ciphertext that was altered, or sealed under another key, fails. */
    String open(SealedSubject sealed) {
        byte[] in = Base64.getDecoder().decode(sealed.ciphertext());
        if (in.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("a sealed subject is too short to hold a nonce and a tag");
        }
        byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
        return new String(crypt(Cipher.DECRYPT_MODE, nonce, in, NONCE_BYTES), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input, int offset) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((keyId + "\n" + controller.value()).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input, offset, input.length - offset);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("a sealed subject does not open with its key: altered or misplaced");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SubjectKey[keyId=" + keyId + ", controller=" + controller + "]";
    }
}
