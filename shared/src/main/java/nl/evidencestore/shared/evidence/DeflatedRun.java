package nl.evidencestore.shared.evidence;

import java.io.IOException;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * A run of a file's bytes and the same run deflated on its own (raw deflate, ending on a byte
 * boundary, not final): runs made on several threads at once join into one ZIP entry in their
 * order ({@link BundleWriter#writeDeflatedEvents}, {@link DeflatedSpill}). A run starts without
 * the previous run's window, which costs a run of a megabyte well under one percent of size.
 */
public record DeflatedRun(byte[] plain, int plainLength, byte[] deflated, int deflatedLength) {
    /** The most a stored block holds (its length is two bytes). */
    private static final int STORED_BLOCK = 65_535;

    /**
     * The first {@code length} bytes of {@code plain} as stored deflate blocks (level 0: a
     * five-byte header per 64 KB, then the bytes as they are), written from {@code plain} itself
     * by {@link #writeTo}: no deflater and no copy of the run. {@code deflated} is null.
     */
    public static DeflatedRun stored(byte[] plain, int length) {
        int blocks = (length + STORED_BLOCK - 1) / STORED_BLOCK;
        return new DeflatedRun(plain, length, null, length + 5 * blocks);
    }

    /** Where a run's deflate bytes go: a ZIP entry, or a spill file. */
    interface Sink {
        void write(byte[] bytes, int offset, int length) throws IOException;
    }

    /** Writes the run's deflate bytes as the open entry's next run. */
    void writeTo(ZipStream zip) throws IOException {
        writeTo(zip::deflated);
    }

    /** Writes the run's deflate bytes, deflated or stored alike. */
    void writeTo(Sink zip) throws IOException {
        if (deflated != null) {
            zip.write(deflated, 0, deflatedLength);
            return;
        }
        byte[] header = new byte[5];
        for (int at = 0; at < plainLength; at += STORED_BLOCK) {
            int length = Math.min(STORED_BLOCK, plainLength - at);
            // BFINAL 0, BTYPE 00, the rest of the byte padding (RFC 1951 3.2.4); then LEN and NLEN, little-endian.
            header[0] = 0;
            header[1] = (byte) length;
            header[2] = (byte) (length >>> 8);
            header[3] = (byte) ~length;
            header[4] = (byte) (~length >>> 8);
            zip.write(header, 0, header.length);
            zip.write(plain, at, length);
        }
    }

    /** The first {@code length} bytes of {@code plain}, deflated by {@code deflater}, which must be raw ({@code nowrap}). */
    public static DeflatedRun of(byte[] plain, int length, Deflater deflater) {
        deflater.reset();
        deflater.setInput(plain, 0, length);
        // Stored blocks (level 0) take the length and 5 bytes a block of up to 64 KB; deflated lines about a quarter.
        byte[] out = new byte[length + length / 8192 + 64];
        int written = 0;
        while (true) {
            written += deflater.deflate(out, written, out.length - written, Deflater.SYNC_FLUSH);
            // A sync flush that filled the buffer may have more to give (Deflater's contract), and a
            // call may end early without having taken all the input (after a change of level).
            if (written < out.length && deflater.needsInput()) {
                return new DeflatedRun(plain, length, out, written);
            }
            if (written == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
        }
    }

    /** The deflater a run needs: the bundle's usual level (fastest) and no zlib wrapper, as a ZIP entry holds it. */
    public static Deflater deflater() {
        return deflater(Deflater.BEST_SPEED);
    }

    /** The same at another level: {@link Deflater#NO_COMPRESSION} writes stored blocks, a ZIP entry's bytes as they are. */
    public static Deflater deflater(int level) {
        return new Deflater(level, true);
    }
}
