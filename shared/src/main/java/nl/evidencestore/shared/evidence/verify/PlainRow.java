package nl.evidencestore.shared.evidence.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An access's timeline.csv row with the {@link LineFacts#SUBJECT} stand-in, written from the
 * places of its plain line ({@link AccessLineShape}) without its record: every text there is
 * ASCII without a quote, backslash or line break, so a cell is its bytes, quoted when it holds a
 * comma, an apostrophe first where a spreadsheet would see a formula ({@code CsvCells}' rules).
 * The same bytes as {@link TimelineRow}, which a randomised test holds it to. One per thread.
 */
final class PlainRow {
    private static final int CATEGORIES = -1;
    private static final int ARTICLES = -2;
    /** The cells between recordedAt and recordedLate, by member: one loop, so the compiler compiles one cell, not eleven. */
    private static final int[] COLUMNS = {AccessLineShape.ACCESS_ID, AccessLineShape.ACTOR_ID, AccessLineShape.KIND,
        AccessLineShape.SUB_PROCESSOR, AccessLineShape.PURPOSE, AccessLineShape.INSTRUCTION, CATEGORIES,
        AccessLineShape.COUNTRY, AccessLineShape.SYSTEM, AccessLineShape.OUTCOME, ARTICLES};
    private static final byte[] STAND_IN = LineFacts.SUBJECT.getBytes(StandardCharsets.UTF_8);
    private static final byte[] TRUE = "true,".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false,".getBytes(StandardCharsets.US_ASCII);
    private final int[] single = new int[2];
    private byte[] row = new byte[512];
    private int length;
    private byte[] json;

    /**
     * The row's bytes. Its instants were read already, so their texts are of the one form each:
     * the access's occurredAt as {@code IsoInstant} reads it, the envelope's recordedAt as
     * {@code EventHash} writes it.
     */
    byte[] write(byte[] raw, AccessLineShape s) {
        json = raw;
        length = 0;
        occurredAtCell(s.from[AccessLineShape.ACCESS_OCCURRED_AT], s.to[AccessLineShape.ACCESS_OCCURRED_AT]);
        // EventHash reads only the text it writes: the cell is the text itself.
        bytes(raw, s.from[AccessLineShape.RECORDED_AT], s.to[AccessLineShape.RECORDED_AT] - s.from[AccessLineShape.RECORDED_AT]);
        room(1);
        row[length++] = ',';
        for (int column : COLUMNS) {
            if (column == CATEGORIES) {
                cell(s.categoryTexts, 2, s.categoryCount);
            } else if (column == ARTICLES) {
                // Each violation is an (article, reason) pair of pairs: the articles are every other pair.
                cell(s.violationTexts, 4, s.violationCount);
            } else {
                span(s, column);
            }
        }
        bytes(s.recordedLate() ? TRUE : FALSE, 0, s.recordedLate() ? TRUE.length : FALSE.length);
        bytes(STAND_IN, 0, STAND_IN.length);
        room(2);
        row[length++] = '\r';
        row[length++] = '\n';
        return Arrays.copyOf(row, length);
    }

    /**
     * {@code EventHash.format} of an instant {@code IsoInstant} read from {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}
     * (a year of four digits, valid fields): the same seconds, the fraction cut or padded to six
     * digits. Starts with a digit and holds no comma: nothing to quote or guard.
     */
    private void occurredAtCell(int from, int to) {
        int digits = to - from == 20 ? 0 : to - from - 21;
        room(29);
        System.arraycopy(json, from, row, length, 19);
        length += 19;
        row[length++] = '.';
        for (int i = 0; i < 6; i++) {
            row[length++] = i < digits ? json[from + 20 + i] : (byte) '0';
        }
        row[length++] = 'Z';
        row[length++] = ',';
    }

    /** A string member's cell; empty where it is not there. */
    private void span(AccessLineShape s, int member) {
        if (s.from[member] < 0) {
            room(1);
            row[length++] = ',';
            return;
        }
        single[0] = s.from[member];
        single[1] = s.to[member];
        cell(single, 2, 1);
    }

    /** Texts at {@code pairs[0], pairs[stride], …} (each a from and a to), joined by semicolons into one cell. */
    private void cell(int[] pairs, int stride, int count) {
        boolean quoted = false;
        int cell = length;
        for (int i = 0; i < count; i++) {
            int from = pairs[stride * i];
            int to = pairs[stride * i + 1];
            if (i > 0) {
                room(1);
                row[length++] = ';';
            }
            for (int j = from; j < to; j++) {
                quoted |= json[j] == ',';
            }
            bytes(json, from, to - from);
        }
        endCell(cell, quoted);
    }

    /** The cell written from {@code cell} on, guarded against a formula and quoted as it needs; then its comma. */
    private void endCell(int cell, boolean quoted) {
        boolean formula = length > cell && CsvRecords.formulaStart(row[cell]);
        int shift = (quoted ? 1 : 0) + (formula ? 1 : 0);
        room(shift + 2);
        if (shift > 0) {
            System.arraycopy(row, cell, row, cell + shift, length - cell);
            if (quoted) {
                row[cell] = '"';
            }
            if (formula) {
                row[cell + shift - 1] = '\'';
            }
            length += shift;
        }
        if (quoted) {
            row[length++] = '"';
        }
        row[length++] = ',';
    }

    private void bytes(byte[] from, int at, int n) {
        room(n);
        System.arraycopy(from, at, row, length, n);
        length += n;
    }

    private void room(int more) {
        if (length + more > row.length) {
            row = Arrays.copyOf(row, Math.max(row.length * 2, length + more));
        }
    }
}
