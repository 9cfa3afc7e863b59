package nl.evidencestore.shared.evidence.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import nl.evidencestore.shared.json.Swar;

/**
 * Splits a stream into lines, each with its {@code \n} (the last one may lack it), without
 * holding more than one line; a line longer than any event could be is refused.
 */
final class LineReader {
    static final int MAX_LINE = 16 << 20;
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end. */
    byte[] next() throws IOException {
        byte[] line = null;
        int length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return line == null ? null : Arrays.copyOf(line, length);
                }
            }
            int end = Swar.newline(buffer, position, limit);
            boolean complete = end < limit;
            int take = (complete ? end + 1 : end) - position;
            if (line == null && complete) {
                line = Arrays.copyOfRange(buffer, position, position + take);
                position += take;
                return line;
            }
            if (line == null) {
                line = new byte[Math.max(take * 2, 1024)];
            }
            if (length + take > MAX_LINE) {
                throw new IOException("a line of events.jsonl is longer than " + MAX_LINE + " bytes");
            }
            if (length + take > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + take));
            }
            System.arraycopy(buffer, position, line, length, take);
            length += take;
            position += take;
            if (complete) {
                return Arrays.copyOf(line, length);
            }
        }
    }
}
