package nl.evidencestore.shared.evidence;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.Deflater;
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
 *
 * <p>A writer that prepares lines on several threads gives {@code events.jsonl} as runs deflated
 * ahead ({@link #writeDeflatedEvents}) and a further file as a {@link DeflatedSpill}: the ZIP
 * holds deflate streams joined from runs ({@link ZipStream}), at the fastest level.
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

    private final ZipStream zip;
    private final OutputStream out;
    // Event lines compress about as well at the fastest level, at several times the speed (W5).
    private final Deflater deflater = DeflatedRun.deflater();
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

    /** The lines of one run of {@code events.jsonl} and their bytes as written there, deflated ahead. */
    public record DeflatedLines(List<EventLine> lines, DeflatedRun jsonl) {
    }

    public BundleWriter(OutputStream out, BundleScope scope, SigningKey key) {
        this.out = Objects.requireNonNull(out, "out");
        this.zip = new ZipStream(out);
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

    /**
     * {@code events.jsonl} from runs of lines deflated ahead, in order; each run's bytes must be
     * its lines' {@link EventLine#toJsonl()}. Must come first, once.
     */
    public void writeDeflatedEvents(Iterator<DeflatedLines> runs) {
        if (!files.isEmpty()) {
            throw new IllegalStateException(EVENTS + " is the bundle's first file");
        }
        LineCounts counter = new LineCounts(scope);
        try {
            begin(EVENTS);
            PlainSums sums = new PlainSums();
            while (runs.hasNext()) {
                DeflatedLines run = runs.next();
                run.lines().forEach(counter::accept);
                DeflatedRun jsonl = run.jsonl();
                sums.update(jsonl.plain(), 0, jsonl.plainLength());
                jsonl.writeTo(zip);
            }
            files.add(end(EVENTS, sums));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + EVENTS + " into the bundle", e);
        }
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
        requireFurther(name);
        entry(name, content);
    }

    /** A further file deflated ahead: its deflated bytes are copied as they are. */
    public void writeFile(String name, DeflatedSpill spilled) {
        requireFurther(name);
        try (InputStream deflated = spilled.deflated()) {
            begin(name);
            byte[] buffer = new byte[BUFFER];
            for (int read = deflated.read(buffer); read >= 0; read = deflated.read(buffer)) {
                zip.deflated(buffer, 0, read);
            }
            files.add(end(name, spilled.sums()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " into the bundle", e);
        }
    }

    private void requireFurther(String name) {
        requireEvents();
        if (Set.of(EVENTS, PUBLIC_KEY, MANIFEST, SIGNATURE).contains(name)) {
            throw new IllegalArgumentException(name + " is written by the bundle writer itself");
        }
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
            deflater.end();
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
        files.add(deflate(name, content));
    }

    private void raw(String name, byte[] content) {
        deflate(name, out -> out.write(content));
    }

    private Manifest.FileEntry deflate(String name, FileContent content) {
        try {
            begin(name);
            DeflatingOutput deflating = new DeflatingOutput(zip, deflater);
            try (OutputStream out = new BufferedOutputStream(deflating, BUFFER)) {
                content.writeTo(out);
            }
            return end(name, deflating.sums());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " into the bundle", e);
        }
    }

    private void begin(String name) throws IOException {
        if (!names.add(name)) {
            throw new IllegalArgumentException("the bundle has a file " + name + " already");
        }
        // A bundle is built once and every download returns the same bytes: no wall-clock times inside.
        zip.begin(name, LocalDateTime.ofInstant(scope.createdAt(), ZoneOffset.UTC));
    }

    private Manifest.FileEntry end(String name, PlainSums sums) throws IOException {
        zip.end(sums.crc(), sums.size());
        return sums.entry(name);
    }

    /** Ends the ZIP stream without closing {@code out}; a bundle not finished is left incomplete. */
    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
