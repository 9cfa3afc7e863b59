package nl.evidencestore.shared.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The store's Ed25519 public key: what an auditor trusts, as X.509 SubjectPublicKeyInfo PEM
 * (docs/evidence-format.md §2, "Keys"). Equal when the raw 32-byte keys are equal.
 */
public final class VerificationKey {
    // An Ed25519 SubjectPublicKeyInfo is this fixed DER prefix followed by the raw key (RFC 8410).
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    static final int RAW_SIZE = 32;
    private final PublicKey key;
    private final byte[] raw;

    VerificationKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (!"X.509".equals(key.getFormat()) || encoded.length != X509_PREFIX.length + RAW_SIZE
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        this.key = key;
        this.raw = Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    public static VerificationKey fromPem(String pem) {
        return fromX509(Pem.decode(pem, "PUBLIC KEY"));
    }

    public static VerificationKey fromRaw(byte[] raw) {
        if (raw == null || raw.length != RAW_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key is " + RAW_SIZE + " bytes");
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + RAW_SIZE);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, RAW_SIZE);
        return fromX509(encoded);
    }

    private static VerificationKey fromX509(byte[] der) {
        try {
            return new VerificationKey(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage());
        }
    }

    public String toPem() {
        return Pem.encode("PUBLIC KEY", key.getEncoded());
    }

    /** The 32 raw bytes: the last 32 bytes of the X.509 encoding. */
    public byte[] raw() {
        return raw.clone();
    }

    /** C2SP signed-note key id: the first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ raw key). */
    public byte[] keyId(String name) {
        MessageDigest digest = TreeHash.sha256();
        digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x01);
        return Arrays.copyOf(digest.digest(raw), 4);
    }

    public boolean verifies(byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A malformed signature is a signature that does not verify.
            return false;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationKey that && MessageDigest.isEqual(raw, that.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "Ed25519 " + HexFormat.of().formatHex(raw);
    }
}
