package nl.evidencestore.shared.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.evidencestore.shared.json.Json;
import org.junit.jupiter.api.Test;

class BundleWriterTest {
    private final TestBundles.Audit audit = TestBundles.standard().firstAudit();
    private final Map<String, byte[]> entries = TestBundles.entries(audit.zip());

    @Test
    void writesTheFilesInTheirOrderAndTheManifestLast() {
        assertThat(entries.keySet()).containsExactly(BundleWriter.EVENTS, BundleWriter.PROOF, BundleWriter.TIMELINE,
                BundleWriter.REPORT, BundleWriter.PUBLIC_KEY, BundleWriter.MANIFEST, BundleWriter.SIGNATURE);
    }

    @Test
    void listsEveryOtherFileWithItsHashAndSize() {
        Manifest manifest = Manifest.parse(entries.get(BundleWriter.MANIFEST));
        assertThat(manifest.files()).hasSize(5).allSatisfy(file -> {
            assertThat(file.sha256()).isEqualTo(Json.sha256Hex(entries.get(file.name())));
            assertThat(file.size()).isEqualTo(entries.get(file.name()).length);
        });
        assertThat(manifest.counts()).isEqualTo(new Manifest.Counts(13, 3, 2, 1, 3));
        assertThat(manifest.toJson()).isEqualTo(entries.get(BundleWriter.MANIFEST));
        assertThat(new String(entries.get(BundleWriter.MANIFEST), StandardCharsets.UTF_8))
                .startsWith("{\"bundleId\":\"bundle-1\",\"checkpoint\":{\"rootHash\":");
    }

    @Test
    void signsTheManifestsExactBytes() {
        String signature = new String(entries.get(BundleWriter.SIGNATURE), StandardCharsets.US_ASCII);
        assertThat(signature).endsWith("\n");
        assertThat(TestBundles.KEY.verificationKey().verifies(entries.get(BundleWriter.MANIFEST),
                Base64.getDecoder().decode(signature.trim()))).isTrue();
    }

    @Test
    void writesTheSameBytesForTheSameHistory() {
        assertThat(TestBundles.standard().firstAudit().zip()).isEqualTo(audit.zip());
    }

    @Test
    void refusesFilesOutOfOrderOrItsOwnNames() {
        BundleWriter writer = new BundleWriter(new ByteArrayOutputStream(), audit.scope(), TestBundles.KEY);
        assertThatThrownBy(() -> writer.writeFile("notes.txt", new byte[0])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("first file");
        writer.writeEvents(List.of());
        assertThatThrownBy(() -> writer.writeFile(BundleWriter.MANIFEST, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class).hasMessageContaining("proof.json");
        writer.writeFile("notes.txt", new byte[0]);
        assertThatThrownBy(() -> writer.writeFile("notes.txt", new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
