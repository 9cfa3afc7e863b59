package nl.evidencestore.shared.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ed25519 keys and C2SP signed notes, against Go's golang.org/x/mod/sumdb/note example. */
class SigningKeyTest {
    // From the package documentation of golang.org/x/mod/sumdb/note.
    private static final String GO_PRIVATE = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_PUBLIC = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static SigningKey peter() {
        byte[] encoded = Base64.getDecoder().decode(GO_PRIVATE.split("\\+", 5)[4]);
        assertThat(encoded[0]).isEqualTo((byte) 1);
        return SigningKey.fromSeed(Arrays.copyOfRange(encoded, 1, encoded.length));
    }

    @Test
    void derivesThePublishedPublicKeyAndKeyIdFromTheSeed() {
        byte[] published = Base64.getDecoder().decode(GO_PUBLIC.split("\\+", 3)[2]);
        VerificationKey key = peter().verificationKey();
        assertThat(key.raw()).isEqualTo(Arrays.copyOfRange(published, 1, published.length));
        assertThat(HexFormat.of().formatHex(key.keyId("PeterNeumann"))).isEqualTo("c74f20a3");
    }

    @Test
    void signsTheGoExampleNoteByteForByte() {
        assertThat(SignedNote.sign(GO_TEXT, "PeterNeumann", peter())).isEqualTo(GO_NOTE);
        assertThat(SignedNote.open(GO_NOTE, "PeterNeumann", peter().verificationKey())).isEqualTo(GO_TEXT);
    }

    @Test
    void refusesANoteWithOneCharacterChanged() {
        String changed = GO_NOTE.replace("cryptography", "cryptographY");
        assertThatThrownBy(() -> SignedNote.open(changed, "PeterNeumann", peter().verificationKey()))
                .isInstanceOf(ProofRejected.class).hasMessageContaining("does not verify");
    }

    @Test
    void refusesANoteSignedByAnotherKey() {
        String other = SignedNote.sign(GO_TEXT, "PeterNeumann", SigningKey.generate());
        assertThatThrownBy(() -> SignedNote.open(other, "PeterNeumann", peter().verificationKey()))
                .isInstanceOf(ProofRejected.class).hasMessageContaining("another key");
    }

    @Test
    void signsAndVerifiesArbitraryBytes() {
        SigningKey key = SigningKey.generate();
        byte[] data = "manifest".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(data);
        assertThat(key.verificationKey().verifies(data, signature)).isTrue();
        data[0] ^= 1;
        assertThat(key.verificationKey().verifies(data, signature)).isFalse();
        assertThat(SigningKey.generate().verificationKey().verifies("manifest".getBytes(StandardCharsets.UTF_8),
                signature)).isFalse();
    }

    @Test
    void roundTripsBothKeysThroughPem() {
        SigningKey key = SigningKey.generate();
        assertThat(key.toPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(key.verificationKey().toPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
        SigningKey read = SigningKey.fromPem(key.toPem());
        assertThat(read.verificationKey()).isEqualTo(key.verificationKey());
        assertThat(VerificationKey.fromPem(key.verificationKey().toPem())).isEqualTo(key.verificationKey());
        byte[] signature = read.sign(new byte[]{1, 2, 3});
        assertThat(key.verificationKey().verifies(new byte[]{1, 2, 3}, signature)).isTrue();
    }

    @Test
    void refusesAPemOfTheWrongKind() {
        SigningKey key = SigningKey.generate();
        assertThatThrownBy(() -> VerificationKey.fromPem(key.toPem())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PUBLIC KEY");
        assertThatThrownBy(() -> SigningKey.fromPem("nonsense")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createsTheKeyFileOwnerOnlyOnceAndLoadsItAfterwards(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/signing-key.pem");
        SigningKey created = SigningKey.loadOrCreate(file);
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SigningKey.loadOrCreate(file).verificationKey()).isEqualTo(created.verificationKey());
    }
}
