package nl.evidencestore.shared.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import nl.evidencestore.shared.http.OwnerOnlyFile;

/**
 * The store's Ed25519 signing key (the JDK's own provider), kept as PKCS#8 PEM in an owner-only
 * file. It signs checkpoints and bundle manifests; {@link #verificationKey()} is what it hands out.
 */
public final class SigningKey {
    // An Ed25519 PKCS#8 PrivateKeyInfo is this fixed DER prefix followed by the 32-byte seed (RFC 8410).
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private final PrivateKey key;
    private final VerificationKey verificationKey;

    private SigningKey(PrivateKey key, VerificationKey verificationKey) {
        this.key = key;
        this.verificationKey = verificationKey;
    }

    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SigningKey(pair.getPrivate(), new VerificationKey(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK since 15 has Ed25519", e);
        }
    }

    /** The key in {@code file}, or a new one written there (owner-only) when there is none yet. */
    public static SigningKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            try {
                return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the signing key " + file, e);
            }
        }
        SigningKey created = generate();
        OwnerOnlyFile.write(file, created.toPem().getBytes(StandardCharsets.US_ASCII));
        return created;
    }

    public static SigningKey fromPem(String pem) {
        byte[] der = Pem.decode(pem, "PRIVATE KEY");
        if (der.length != PKCS8_PREFIX.length + 32 || !Arrays.equals(der, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0,
                PKCS8_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 private key (PKCS#8 without a public key)");
        }
        return fromSeed(Arrays.copyOfRange(der, PKCS8_PREFIX.length, der.length));
    }

    /** The key of a 32-byte RFC 8032 seed, as C2SP and Go's note package write private keys. */
    public static SigningKey fromSeed(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        try {
            // The JDK derives no public key from a private one, but its generator draws exactly the
            // 32 seed bytes from its random source: fed the seed, it returns that seed's pair.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(pair.getPrivate(), new VerificationKey(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage());
        }
    }

    /** A "random" source that yields one fixed seed, once. */
    private static final class SeedSource extends SecureRandom {
        private final byte[] seed;
        private boolean used;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (used || bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for other than one 32-byte seed");
            }
            used = true;
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }

    public VerificationKey verificationKey() {
        return verificationKey;
    }

    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public String toPem() {
        return Pem.encode("PRIVATE KEY", key.getEncoded());
    }
}
