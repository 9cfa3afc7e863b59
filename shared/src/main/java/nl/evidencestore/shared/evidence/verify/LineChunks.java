package nl.evidencestore.shared.evidence.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import nl.evidencestore.shared.json.Swar;

/**
 * Splits a stream into chunks of whole lines, each line with its {@code \n} (the last one may
 * lack it): the stream is read straight into the chunk, and a chunk goes to the workers as it
 * is, so no line is copied into an array of its own. Only the line a chunk cuts in two is
 * carried into the next one; a line longer than any event could be is refused.
 */
final class LineChunks {
    static final int MAX_LINE = 16 << 20;
    /** A few hundred lines; below half a region of a small heap's collector, so never a "humongous" object. */
    static final int CHUNK = 256 << 10;
    private final InputStream in;
    private final int size;
    private byte[] bytes;
    private int filled;
    private boolean ended;

    /** Lines in {@code bytes}: line {@code i} is {@code bytes[i == 0 ? 0 : ends[i - 1], ends[i])}. */
    record Chunk(byte[] bytes, int[] ends, int lines) {
        int from(int line) {
            return line == 0 ? 0 : ends[line - 1];
        }

        int to(int line) {
            return ends[line];
        }
    }

    LineChunks(InputStream in) {
        this(in, CHUNK);
    }

    /** {@code size}: the bytes a chunk starts with (tests take small ones, to cut many lines in two). */
    LineChunks(InputStream in, int size) {
        this.in = in;
        this.size = size;
        this.bytes = new byte[size];
    }

    /** The next chunk, or null at the end. */
    Chunk next() throws IOException {
        while (true) {
            fill();
            if (filled == 0) {
                return null;
            }
            Chunk chunk = cut();
            if (chunk != null) {
                return chunk;
            }
            // Not one whole line in a full chunk: a longer one, unless it is longer than any line may be.
            if (bytes.length > MAX_LINE) {
                throw new IOException("a line of events.jsonl is longer than " + MAX_LINE + " bytes");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(2L * bytes.length, MAX_LINE + 1L));
        }
    }

    /** Reads until the chunk is full or the stream ends. */
    private void fill() throws IOException {
        while (!ended && filled < bytes.length) {
            int n = in.read(bytes, filled, bytes.length - filled);
            if (n < 0) {
                ended = true;
            } else {
                filled += n;
            }
        }
    }

    /** The whole lines read so far (at the end, the last line too); null when a full chunk holds no whole line. */
    private Chunk cut() throws IOException {
        int[] ends = new int[64];
        int lines = 0;
        for (int at = Swar.newline(bytes, 0, filled); at < filled; at = Swar.newline(bytes, at, filled)) {
            at++;
            if (lines == ends.length) {
                ends = Arrays.copyOf(ends, lines * 2);
            }
            ends[lines++] = at;
        }
        int cut = lines == 0 ? 0 : ends[lines - 1];
        if (ended && cut < filled) {
            if (filled - cut > MAX_LINE) {
                return null;
            }
            ends = Arrays.copyOf(ends, lines + 1);
            ends[lines++] = filled;
            cut = filled;
        }
        if (lines == 0) {
            return null;
        }
        if (ends[0] > MAX_LINE) {
            // Only a chunk grown for one long line can hold a line this long, and only as its first.
            throw new IOException("a line of events.jsonl is longer than " + MAX_LINE + " bytes");
        }
        Chunk chunk = new Chunk(bytes, ends, lines);
        int carried = filled - cut;
        bytes = new byte[Math.max(size, carried * 2)];
        System.arraycopy(chunk.bytes(), cut, bytes, 0, carried);
        filled = carried;
        return chunk;
    }
}
