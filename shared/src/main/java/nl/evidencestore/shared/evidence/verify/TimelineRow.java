package nl.evidencestore.shared.evidence.verify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.report.TimelineCsv;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Violation;

/**
 * {@link TimelineCsv#row}'s bytes with the {@link LineFacts#SUBJECT} stand-in, written straight
 * into one array: the verifier makes a row for each of a million accesses, and the writer's way
 * (a builder of chars, a string, its encoding) costs three copies and as many objects per row.
 * The cells are written by the rules of {@code CsvCells}; a cell with a character outside ASCII,
 * which the writer encodes as UTF-8, is encoded here the same way. A test holds every row to
 * the writer's on random accesses.
 */
final class TimelineRow {
    /** What makes a cell quoted, and what makes it a formula that gets an apostrophe first (as {@code CsvCells}). */
    private static final boolean[] QUOTED = table(",\"\r\n");
    private static final boolean[] FORMULA = table("=+-@\t\r");
    private static final byte[] STAND_IN = LineFacts.SUBJECT.getBytes(StandardCharsets.UTF_8);
    private static final ThreadLocal<TimelineRow> ROWS = ThreadLocal.withInitial(TimelineRow::new);
    private byte[] row = new byte[512];
    private int length;
    private final StringBuilder joined = new StringBuilder(64);
    private final Object[] lastValues = new Object[14];
    private final byte[][] lastCells = new byte[14][];
    private Instant lastRecordedAt;
    private String lastRecordedAtText;

    private TimelineRow() {
    }

    /** The row's bytes, or null for a line that has none: as {@code TimelineCsv.row(line, event, scope, SUBJECT)}. */
    static byte[] of(EventLine line, EvidenceEvent event, BundleScope scope) {
        if (!TimelineCsv.mayHaveRow(line, scope) || !(event instanceof AccessRecorded access)
                || !access.agreementId().equals(scope.agreementId())) {
            return null;
        }
        return ROWS.get().write(line, access);
    }

    private byte[] write(EventLine line, AccessRecorded access) {
        length = 0;
        cell(EventHash.format(access.occurredAt()));
        cell(1, recordedAt(line.envelope().recordedAt()));
        cell(access.accessId());
        cell(3, access.actor().id());
        cell(4, access.actor().kind().name());
        cell(5, access.actor().subProcessorId());
        cell(6, access.purpose().name());
        cell(7, access.instructionRef());
        if (!repeated(8, access.categories())) {
            categories(access.categories());
        }
        cell(9, access.country() == null ? null : access.country().code());
        cell(10, access.system());
        cell(11, access.verdict().verdict().name());
        if (!repeated(12, access.verdict().violations())) {
            articles(access.verdict().violations());
        }
        cell(13, access.recordedLate() ? "true" : "false");
        room(STAND_IN.length + 2);
        System.arraycopy(STAND_IN, 0, row, length, STAND_IN.length);
        length += STAND_IN.length;
        row[length++] = '\r';
        row[length++] = '\n';
        return Arrays.copyOf(row, length);
    }

    /** Lines recorded in one millisecond share their instant (one object, {@link RecentTexts}): its text is made once. */
    private String recordedAt(Instant instant) {
        if (instant != lastRecordedAt) {
            lastRecordedAt = instant;
            lastRecordedAtText = EventHash.format(instant);
        }
        return lastRecordedAtText;
    }

    /**
     * Writes the cell this column had in the row before, when its value is equal to that row's
     * (an actor, a purpose, a system, the categories: most columns repeat from row to row).
     */
    private boolean repeated(int column, Object value) {
        if (value == null || !value.equals(lastValues[column])) {
            return false;
        }
        byte[] cell = lastCells[column];
        room(cell.length + 1);
        System.arraycopy(cell, 0, row, length, cell.length);
        length += cell.length;
        row[length++] = ',';
        return true;
    }

    /** Keeps the cell just written from {@code cell} on (its comma last) for the next row's {@link #repeated}. */
    private void remember(int column, Object value, int cell) {
        lastValues[column] = value;
        lastCells[column] = Arrays.copyOfRange(row, cell, length - 1);
    }

    /** A cell of a column whose value often repeats. */
    private void cell(int column, String value) {
        if (!repeated(column, value)) {
            int cell = length;
            cell(value);
            remember(column, value, cell);
        }
    }

    /** The names joined by semicolons into one cell, as the writer joins them. */
    private void categories(List<DataCategory> categories) {
        remember(8, List.copyOf(categories), writeJoined(categories, DataCategory::toString));
    }

    private void articles(List<Violation> violations) {
        remember(12, List.copyOf(violations), writeJoined(violations, Violation::article));
    }

    /** Where the cell begins: the items' texts joined by ';'. */
    private <T> int writeJoined(List<T> items, Function<T, String> text) {
        int cell = length;
        for (int i = 0; i < items.size(); i++) {
            if ((i > 0 && !plain(";")) || !plain(text.apply(items.get(i)))) {
                length = cell;
                joined.setLength(0);
                for (int j = 0; j < items.size(); j++) {
                    joined.append(j > 0 ? ";" : "").append(text.apply(items.get(j)));
                }
                cell(joined.toString());
                return cell;
            }
        }
        endCell(cell);
        return cell;
    }

    /** One cell and its comma; nearly every value is plain ASCII and written as it goes, the rest the writer's way. */
    private void cell(String value) {
        int cell = length;
        if (value != null && !plain(value)) {
            length = cell;
            general(value);
            room(1);
            row[length++] = ',';
            return;
        }
        endCell(cell);
    }

    /**
     * Appends {@code value} when it is ASCII with nothing to quote; false, with whatever it
     * appended left for the caller to drop, otherwise.
     */
    private boolean plain(String value) {
        int n = value.length();
        room(n);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || QUOTED[c]) {
                return false;
            }
            row[length + i] = (byte) c;
        }
        length += n;
        return true;
    }

    /** Ends a plain cell written from {@code cell} on: the apostrophe before a formula, and the comma. */
    private void endCell(int cell) {
        room(2);
        if (length > cell && FORMULA[row[cell]]) {
            System.arraycopy(row, cell, row, cell + 1, length - cell);
            row[cell] = '\'';
            length++;
        }
        row[length++] = ',';
    }

    /** A cell that is quoted or beyond ASCII, as {@code CsvCells.append} writes it (without the comma). */
    private void general(String value) {
        int n = value.length();
        if (n == 0) {
            return;
        }
        boolean quoted = false;
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            ascii &= c < 0x80;
            quoted |= c < 0x80 && QUOTED[c];
        }
        char first = value.charAt(0);
        boolean formula = first < 0x80 && FORMULA[first];
        if (ascii) {
            asciiCell(value, quoted, formula);
        } else {
            utf8Cell(value, quoted, formula);
        }
    }

    private void asciiCell(String value, boolean quoted, boolean formula) {
        int n = value.length();
        room(2 * n + 3);
        if (quoted) {
            row[length++] = '"';
        }
        if (formula) {
            row[length++] = '\'';
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            row[length++] = (byte) c;
            if (quoted && c == '"') {
                row[length++] = '"';
            }
        }
        if (quoted) {
            row[length++] = '"';
        }
    }

    /** The rare cell beyond ASCII: made as a string the writer's way, then encoded as the writer encodes its row. */
    private void utf8Cell(String value, boolean quoted, boolean formula) {
        String text = value.toString();
        String cell = (formula ? "'" : "") + (quoted ? text.replace("\"", "\"\"") : text);
        byte[] bytes = (quoted ? "\"" + cell + "\"" : cell).getBytes(StandardCharsets.UTF_8);
        room(bytes.length);
        System.arraycopy(bytes, 0, row, length, bytes.length);
        length += bytes.length;
    }

    private void room(int more) {
        if (length + more > row.length) {
            row = Arrays.copyOf(row, Math.max(row.length * 2, length + more));
        }
    }

    private static boolean[] table(String characters) {
        boolean[] table = new boolean[128];
        characters.chars().forEach(c -> table[c] = true);
        return table;
    }
}
