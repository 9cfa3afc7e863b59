package nl.evidencestore.shared.evidence.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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
        cell(EventHash.format(line.envelope().recordedAt()));
        cell(access.accessId());
        cell(access.actor().id());
        cell(access.actor().kind().name());
        cell(access.actor().subProcessorId());
        cell(access.purpose().name());
        cell(access.instructionRef());
        cell(categories(access.categories()));
        cell(access.country() == null ? null : access.country().code());
        cell(access.system());
        cell(access.verdict().verdict().name());
        cell(articles(access.verdict().violations()));
        cell(access.recordedLate() ? "true" : "false");
        room(STAND_IN.length + 2);
        System.arraycopy(STAND_IN, 0, row, length, STAND_IN.length);
        length += STAND_IN.length;
        row[length++] = '\r';
        row[length++] = '\n';
        return Arrays.copyOf(row, length);
    }

    /** The names joined by semicolons; one name is its own text, as the writer's joining gives it. */
    private CharSequence categories(List<DataCategory> categories) {
        if (categories.size() == 1) {
            return categories.get(0).toString();
        }
        joined.setLength(0);
        for (int i = 0; i < categories.size(); i++) {
            if (i > 0) {
                joined.append(';');
            }
            joined.append(categories.get(i).toString());
        }
        return joined;
    }

    private CharSequence articles(List<Violation> violations) {
        if (violations.size() == 1) {
            return violations.get(0).article();
        }
        joined.setLength(0);
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) {
                joined.append(';');
            }
            joined.append(violations.get(i).article());
        }
        return joined;
    }

    /** One cell and its comma, as {@code CsvCells.append} writes it; null and empty write nothing. */
    private void cell(CharSequence value) {
        int n = value == null ? 0 : value.length();
        if (n > 0) {
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
        room(1);
        row[length++] = ',';
    }

    private void asciiCell(CharSequence value, boolean quoted, boolean formula) {
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
    private void utf8Cell(CharSequence value, boolean quoted, boolean formula) {
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
