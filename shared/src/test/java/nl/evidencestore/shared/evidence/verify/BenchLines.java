package nl.evidencestore.shared.evidence.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;
import nl.evidencestore.shared.evidence.BundleWriter;
import nl.evidencestore.shared.evidence.Manifest;

/** The first lines of a bundle's events.jsonl, each its own array, and its manifest: what the harnesses measure on. */
record BenchLines(List<byte[]> raw, Manifest manifest) {
    static BenchLines first(Path bundle, int lines) throws IOException {
        List<byte[]> raw = new ArrayList<>();
        try (ZipFile zip = new ZipFile(bundle.toFile());
             InputStream in = zip.getInputStream(zip.getEntry(BundleWriter.EVENTS))) {
            LineChunks chunks = new LineChunks(in);
            for (LineChunks.Chunk chunk = chunks.next(); chunk != null && raw.size() < lines; chunk = chunks.next()) {
                for (int i = 0; i < chunk.lines(); i++) {
                    raw.add(Arrays.copyOfRange(chunk.bytes(), chunk.from(i), chunk.to(i)));
                }
            }
            return new BenchLines(raw, Manifest.parse(zip.getInputStream(zip.getEntry(BundleWriter.MANIFEST))
                    .readAllBytes()));
        }
    }
}
