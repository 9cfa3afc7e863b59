package nl.evidencestore.shared.evidence.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import nl.evidencestore.shared.json.Swar;

/**
 * Reads RFC 4180 records one at a time, each as its exact bytes with its CRLF: a CR LF inside
 * double quotes belongs to a cell, not the end of the record.
 */
final class CsvRecords {
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    CsvRecords(InputStream in) {
        this.in = in;
    }

    /** The next record's bytes, or null at the end of the file. */
    byte[] next() throws IOException {
        ByteArrayOutputStream record = null;
        boolean quoted = false;
        int previous = -1;
        while (true) {
            if (position == limit && !fill()) {
                return record == null || record.size() == 0 ? null : record.toByteArray();
            }
            int from = position;
            // Only quotes and line feeds matter; the bytes between them are stepped over eight at a time.
            for (int i = Swar.quoteOrNewline(buffer, from, limit); i < limit; i = Swar.quoteOrNewline(buffer, i + 1, limit)) {
                if (buffer[i] == '"') {
                    quoted = !quoted;
                } else if (!quoted && (i > from ? buffer[i - 1] : previous) == '\r') {
                    position = i + 1;
                    return take(record, from, position);
                }
            }
            previous = limit > from ? buffer[limit - 1] : previous;
            record = record == null ? new ByteArrayOutputStream(512) : record;
            record.write(buffer, from, limit - from);
            position = limit;
            if (record.size() > LineChunks.MAX_LINE) {
                throw new IOException("a record of timeline.csv is longer than " + LineChunks.MAX_LINE + " bytes");
            }
        }
    }

    /** The record: what was carried over from earlier buffers, then {@code buffer[from, to)}. */
    private byte[] take(ByteArrayOutputStream carried, int from, int to) {
        if (carried == null) {
            return Arrays.copyOfRange(buffer, from, to);
        }
        carried.write(buffer, from, to - from);
        return carried.toByteArray();
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    /**
     * A record's last cell as written (quoted or not), when it is a cell the report's CSV writer
     * makes: quoted exactly when it holds a comma, quote, CR or LF, quotes doubled, a formula's
     * first character guarded by an apostrophe. Null for anything else.
     */
    static byte[] lastCellBytes(byte[] record) {
        byte[] plain = plainLastCell(record);
        return plain != null ? plain : quotedLastCell(record);
    }

    /**
     * The common case read from the bytes: a record without any quote, whose last cell holds no
     * CR and does not start as a formula, is one the writer makes as it is. Null: ask the slow way.
     */
    private static byte[] plainLastCell(byte[] record) {
        int end = record.length - 2;
        if (end < 0 || record[end] != '\r' || record[end + 1] != '\n') {
            return null;
        }
        int start = 0;
        for (int i = 0; i < end; i++) {
            byte b = record[i];
            if (b == '"') {
                return null;
            }
            if (b == ',') {
                start = i + 1;
            } else if (b == '\r' || b == '\n') {
                return null;
            }
        }
        for (int i = start; i < end; i++) {
            if (record[i] < 0) {
                // Not ASCII: the slow way decodes it, so that bytes no writer makes (bad UTF-8) differ.
                return null;
            }
        }
        if (start < end && formulaStart(record[start])) {
            return null;
        }
        return Arrays.copyOfRange(record, start, end);
    }

    /** Whether a cell starting with {@code b} would be read as a formula: the writer guards such a cell. */
    static boolean formulaStart(byte b) {
        return FORMULA_STARTS.indexOf(b) >= 0;
    }

    private static byte[] quotedLastCell(byte[] record) {
        String text = new String(record, StandardCharsets.UTF_8);
        if (!text.endsWith("\r\n")) {
            return null;
        }
        text = text.substring(0, text.length() - 2);
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                start = i + 1;
            }
        }
        String cell = text.substring(start);
        return canonical(cell) ? cell.getBytes(StandardCharsets.UTF_8) : null;
    }

    private static boolean canonical(String cell) {
        String value = cell;
        boolean quoted = cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"");
        if (quoted) {
            String inner = cell.substring(1, cell.length() - 1);
            if (inner.replace("\"\"", "").contains("\"")) {
                return false;
            }
            value = inner.replace("\"\"", "\"");
        }
        boolean special = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        boolean formula = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
        return quoted == special && !formula;
    }
}
