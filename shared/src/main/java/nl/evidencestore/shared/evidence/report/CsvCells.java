package nl.evidencestore.shared.evidence.report;

import java.util.List;
import nl.evidencestore.shared.model.Token;

/**
 * One RFC 4180 record: cells joined by commas, ended by CRLF. A cell that a spreadsheet would
 * read as a formula gets a leading apostrophe first (OWASP "CSV injection"), since field values
 * such as a system name or an instruction reference come from the processor's own tools.
 */
final class CsvCells {
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** What makes a cell quoted, as a table: one look-up per character instead of four tests. */
    private static final boolean[] QUOTED = Token.table(",\"\r\n");

    private CsvCells() {
    }

    static String record(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            append(out, cells.get(i));
        }
        return out.append("\r\n").toString();
    }

    static String cell(String value) {
        return append(new StringBuilder(), value).toString();
    }

    /**
     * Appends the cell written for {@code value}, without making it a string of its own first:
     * a bundle's timeline has a row per access, and the verifier makes every row again.
     */
    static StringBuilder append(StringBuilder out, String value) {
        if (value == null || value.isEmpty()) {
            return out;
        }
        // The apostrophe needs no quotes: whether the neutral cell needs them, the value says.
        boolean formula = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
        if (!needsQuotes(value)) {
            return formula ? out.append('\'').append(value) : out.append(value);
        }
        out.append('"');
        if (formula) {
            out.append('\'');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c);
            if (c == '"') {
                out.append('"');
            }
        }
        return out.append('"');
    }

    /** Whether a cell starting with this ASCII byte gets the apostrophe ({@link #append}'s rule, for bytes). */
    static boolean formulaStart(byte first) {
        return first >= 0 && FORMULA_STARTS.indexOf(first) >= 0;
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Token.in(QUOTED, value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
