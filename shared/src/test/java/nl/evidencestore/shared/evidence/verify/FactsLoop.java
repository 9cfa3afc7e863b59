package nl.evidencestore.shared.evidence.verify;

import java.nio.file.Path;
import java.util.List;
import nl.evidencestore.shared.evidence.Manifest;

/** Reads the first lines of a bundle the plain way again and again: a loop for a profiler. */
public final class FactsLoop {
    public static void main(String[] args) throws Exception {
        BenchLines sample = BenchLines.first(Path.of(args[0]), 50_000);
        List<byte[]> raw = sample.raw();
        Manifest manifest = sample.manifest();
        var scope = manifest.bundleScope();
        for (int round = 0; round < Integer.parseInt(args[1]); round++) {
            for (byte[] r : raw) {
                PlainAccessLine.facts(1, r, 0, r.length, scope);
            }
        }
    }
}
