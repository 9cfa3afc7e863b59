package nl.evidencestore.shared.evidence.report;

import java.util.List;

/**
 * One RFC 4180 record: cells joined by commas, ended by CRLF. A cell that a spreadsheet would
 * read as a formula gets a leading apostrophe first (OWASP "CSV injection"), since field values
 * such as a system name or an instruction reference come from the processor's own tools.
 */
final class CsvCells {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    static String record(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String neutral = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (neutral.indexOf(',') < 0 && neutral.indexOf('"') < 0 && neutral.indexOf('\r') < 0
                && neutral.indexOf('\n') < 0) {
            return neutral;
        }
        return '"' + neutral.replace("\"", "\"\"") + '"';
    }
}
