package nl.evidencestore.shared.evidence.verify;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import nl.evidencestore.shared.evidence.BundleWriter;
import nl.evidencestore.shared.evidence.Manifest;

/** Reads the first lines of a bundle the plain way again and again: a loop for a profiler. */
public final class FactsLoop {
    public static void main(String[] args) throws Exception {
        List<byte[]> raw = new ArrayList<>();
        Manifest manifest;
        try (ZipFile zip = new ZipFile(Path.of(args[0]).toFile());
             InputStream in = zip.getInputStream(zip.getEntry(BundleWriter.EVENTS))) {
            LineChunks chunks = new LineChunks(in);
            for (LineChunks.Chunk chunk = chunks.next(); chunk != null && raw.size() < 50_000; chunk = chunks.next()) {
                for (int i = 0; i < chunk.lines(); i++) {
                    raw.add(java.util.Arrays.copyOfRange(chunk.bytes(), chunk.from(i), chunk.to(i)));
                }
            }
            manifest = Manifest.parse(zip.getInputStream(zip.getEntry(BundleWriter.MANIFEST)).readAllBytes());
        }
        var scope = manifest.bundleScope();
        for (int round = 0; round < Integer.parseInt(args[1]); round++) {
            for (byte[] r : raw) {
                PlainAccessLine.facts(1, r, 0, r.length, scope);
            }
        }
    }
}
