package nl.evidencestore.shared.evidence;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.evidencestore.shared.integrity.SigningKey;

/**
 * Writes a bundle ZIP as a stream (docs/evidence-format.md §3): no file is held in memory, each
 * file's SHA-256 and size are computed as it passes, so a million events fit in a small heap.
 *
 * <pre>{@code
 * try (BundleWriter bundle = new BundleWriter(out, scope, key)) {
 *     bundle.writeEvents(lines);                      // first: events.jsonl, in the bundle's order
 *     bundle.writeProof(proof);                       // proof.json
 *     bundle.writeFile("timeline.csv", csv -> ...);   // any further file, streamed ...
 *     bundle.writeFile("report.html", html);          // ... or given whole
 *     bundle.finish();                                // public-key.pem, manifest.json, manifest.sig
 * }
 * }</pre>
 * {@code finish} writes the ZIP's central directory; {@code close} does not close {@code out}.
 */
public final class BundleWriter implements Closeable {
    public static final String EVENTS = "events.jsonl";
    public static final String PROOF = "proof.json";
    public static final String PUBLIC_KEY = "public-key.pem";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String TIMELINE = "timeline.csv";
    public static final String REPORT = "report.html";
    private static final int BUFFER = 1 << 16;

    private final ZipOutputStream zip;
    private final BundleScope scope;
    private final SigningKey key;
    private final List<Manifest.FileEntry> files = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private Manifest.Counts counts;
    private ProofFile proof;
    private boolean finished;

    /** A file's content written to a stream; the stream is the writer's to close. */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(OutputStream out) throws IOException;
    }

    public BundleWriter(OutputStream out, BundleScope scope, SigningKey key) {
        this.zip = new ZipOutputStream(Objects.requireNonNull(out, "out"));
        // Event lines compress about as well at the fastest level, at several times the speed (W5).
        zip.setLevel(Deflater.BEST_SPEED);
        this.scope = Objects.requireNonNull(scope, "scope");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** {@code events.jsonl}, line by line as the lines are iterated; must come first, once. */
    public void writeEvents(Iterable<EventLine> lines) {
        if (!files.isEmpty()) {
            throw new IllegalStateException(EVENTS + " is the bundle's first file");
        }
        LineCounts counter = new LineCounts(scope);
        entry(EVENTS, out -> {
            for (EventLine line : lines) {
                counter.accept(line);
                out.write(line.toJsonl());
            }
        });
        counts = counter.counts();
    }

    public void writeProof(ProofFile proof) {
        requireEvents();
        this.proof = Objects.requireNonNull(proof, "proof");
        writeFile(PROOF, proof.toJson());
    }

    public void writeFile(String name, byte[] content) {
        byte[] copy = content.clone();
        writeFile(name, out -> out.write(copy));
    }

    public void writeFile(String name, FileContent content) {
        requireEvents();
        if (Set.of(EVENTS, PUBLIC_KEY, MANIFEST, SIGNATURE).contains(name)) {
            throw new IllegalArgumentException(name + " is written by the bundle writer itself");
        }
        entry(name, content);
    }

    /** The public key, the manifest and its signature; the bundle is complete after this. */
    public Manifest finish() {
        requireEvents();
        if (proof == null) {
            throw new IllegalStateException("a bundle needs its " + PROOF + " before the manifest");
        }
        entry(PUBLIC_KEY, out -> out.write(key.verificationKey().toPem().getBytes(StandardCharsets.US_ASCII)));
        Manifest manifest = Manifest.of(scope, counts,
                new Manifest.CheckpointRef(proof.checkpoint().treeSize(), proof.checkpoint().rootHash()), files);
        byte[] json = manifest.toJson();
        byte[] signature = (Base64.getEncoder().encodeToString(key.sign(json)) + "\n").getBytes(StandardCharsets.US_ASCII);
        raw(MANIFEST, json);
        raw(SIGNATURE, signature);
        try {
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finished = true;
        return manifest;
    }

    private void requireEvents() {
        if (counts == null) {
            throw new IllegalStateException(EVENTS + " is the bundle's first file");
        }
        if (finished) {
            throw new IllegalStateException("the bundle is finished");
        }
    }

    private void entry(String name, FileContent content) {
        try {
            begin(name);
            DigestingOutput digesting = new DigestingOutput(zip);
            try (OutputStream out = new BufferedOutputStream(digesting, BUFFER)) {
                content.writeTo(out);
            }
            zip.closeEntry();
            files.add(digesting.entry(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " into the bundle", e);
        }
    }

    private void raw(String name, byte[] content) {
        try {
            begin(name);
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " into the bundle", e);
        }
    }

    private void begin(String name) throws IOException {
        if (!names.add(name)) {
            throw new IllegalArgumentException("the bundle has a file " + name + " already");
        }
        ZipEntry entry = new ZipEntry(name);
        // A bundle is built once and every download returns the same bytes: no wall-clock times inside.
        entry.setTimeLocal(LocalDateTime.ofInstant(scope.createdAt(), ZoneOffset.UTC));
        zip.putNextEntry(entry);
    }

    /** Ends the ZIP stream without closing {@code out}; a bundle not finished is left incomplete. */
    @Override
    public void close() {
        try {
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
