package nl.evidencestore.shared.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import nl.evidencestore.shared.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void writesTheSameFilesFromRunsDeflatedAheadAsLineByLine(@TempDir Path dir) throws IOException {
        List<EventLine> lines = TestBundles.lines(entries.get(BundleWriter.EVENTS)).stream()
                .map(line -> EventLine.parse(line.getBytes(StandardCharsets.UTF_8))).toList();
        Deflater deflater = DeflatedRun.deflater();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (BundleWriter writer = new BundleWriter(zip, audit.scope(), TestBundles.KEY);
             DeflatedSpill timeline = new DeflatedSpill(dir.resolve("timeline.csv.deflated"))) {
            List<BundleWriter.DeflatedLines> runs = new ArrayList<>();
            for (int from = 0; from < lines.size(); from += 5) {
                List<EventLine> run = lines.subList(from, Math.min(from + 5, lines.size()));
                ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
                run.forEach(line -> jsonl.writeBytes(line.toJsonl()));
                runs.add(new BundleWriter.DeflatedLines(run, DeflatedRun.of(jsonl.toByteArray(), jsonl.size(), deflater)));
            }
            writer.writeDeflatedEvents(runs.iterator());
            writer.writeProof(ProofFile.parse(entries.get(BundleWriter.PROOF)));
            byte[] csv = entries.get(BundleWriter.TIMELINE);
            int half = csv.length / 2;
            timeline.add(DeflatedRun.of(Arrays.copyOf(csv, half), half, deflater));
            timeline.add(DeflatedRun.of(Arrays.copyOfRange(csv, half, csv.length), csv.length - half, deflater));
            writer.writeFile(BundleWriter.TIMELINE, timeline);
            writer.writeFile(BundleWriter.REPORT, entries.get(BundleWriter.REPORT));
            writer.finish();
        } finally {
            deflater.end();
        }
        Map<String, byte[]> written = TestBundles.entries(zip.toByteArray());
        assertThat(written.keySet()).containsExactlyElementsOf(entries.keySet());
        written.forEach((name, content) -> assertThat(content).as(name).isEqualTo(entries.get(name)));
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
