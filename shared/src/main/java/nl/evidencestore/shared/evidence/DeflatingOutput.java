package nl.evidencestore.shared.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;

/**
 * The open ZIP entry as a stream of plain bytes: deflates them on the writing thread and sums
 * them. Closing it flushes the deflater to a byte boundary and leaves the entry open, for
 * {@link ZipStream#end} to close with the sums.
 */
final class DeflatingOutput extends OutputStream {
    private final ZipStream zip;
    private final Deflater deflater;
    private final PlainSums sums = new PlainSums();
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] one = new byte[1];

    DeflatingOutput(ZipStream zip, Deflater deflater) {
        this.zip = zip;
        this.deflater = deflater;
        deflater.reset();
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        sums.update(bytes, offset, length);
        deflater.setInput(bytes, offset, length);
        while (!deflater.needsInput()) {
            drain(Deflater.NO_FLUSH);
        }
    }

    @Override
    public void close() throws IOException {
        deflater.setInput(buffer, 0, 0);
        while (drain(Deflater.SYNC_FLUSH) == buffer.length) {
            // A sync flush that filled the buffer may have more to give.
        }
    }

    PlainSums sums() {
        return sums;
    }

    private int drain(int flush) throws IOException {
        int written = deflater.deflate(buffer, 0, buffer.length, flush);
        zip.deflated(buffer, 0, written);
        return written;
    }
}
