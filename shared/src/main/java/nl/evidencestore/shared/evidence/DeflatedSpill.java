package nl.evidencestore.shared.evidence;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bundle file deflated ahead into a file of its own, run by run, while an earlier ZIP entry is
 * still being written; {@link BundleWriter#writeFile(String, DeflatedSpill)} then copies the
 * deflated bytes into the ZIP as they are, without deflating them a second time.
 */
public final class DeflatedSpill implements AutoCloseable {
    private final Path file;
    private final OutputStream out;
    private final PlainSums sums = new PlainSums();
    private boolean closed;

    public DeflatedSpill(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    public void add(DeflatedRun run) throws IOException {
        if (closed) {
            throw new IllegalStateException("the spill of " + file + " is closed");
        }
        run.writeTo(out::write);
        sums.update(run.plain(), 0, run.plainLength());
    }

    /** Ends writing; the file stays until its owner deletes it. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    PlainSums sums() {
        return sums;
    }

    InputStream deflated() throws IOException {
        close();
        return Files.newInputStream(file);
    }
}
