package nl.evidencestore.shared.evidence.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.LineBytes;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Violation;

/**
 * A bundle's {@code timeline.csv} (docs/evidence-format.md §3): one UTF-8 RFC 4180 row per
 * access recorded inside the period. The store writes it and the verifier regenerates it from
 * {@code events.jsonl}, so a row depends on nothing but the line, the scope and the subject cell.
 */
public final class TimelineCsv {
    private static final String ACCESS = EventTypes.nameOf(AccessRecorded.class);
    /** The subject cell of an access whose subject was erased (crypto-shredding). */
    public static final String ERASED = "[erased]";
    static final List<String> COLUMNS = List.of("occurredAt", "recordedAt", "accessId", "actorId", "actorKind",
            "subProcessorId", "purpose", "instructionRef", "categories", "country", "system", "verdict", "articles",
            "recordedLate", "subject");
    private static final byte[] HEADER = CsvCells.record(COLUMNS).getBytes(StandardCharsets.UTF_8);

    private TimelineCsv() {
    }

    public static byte[] header() {
        return HEADER.clone();
    }

    /**
     * The row for an access of the scope's agreement given in full and recorded inside the
     * period; empty for any other line (stubs, lifecycle events, employee streams).
     * {@code subjectCell} is the decrypted subject reference, or {@link #ERASED}.
     */
    public static Optional<byte[]> row(EventLine line, BundleScope scope, String subjectCell) {
        if (!mayHaveRow(line, scope)) {
            return Optional.empty();
        }
        return row(line, line.event().orElse(null), scope, subjectCell);
    }

    /** The same row, for a caller that holds the line's event already (the verifier decodes each line once). */
    public static Optional<byte[]> row(EventLine line, EvidenceEvent event, BundleScope scope, String subjectCell) {
        StringBuilder row = new StringBuilder(256);
        return appendRow(row, line, event, scope, subjectCell)
                ? Optional.of(row.toString().getBytes(StandardCharsets.UTF_8)) : Optional.empty();
    }

    /**
     * The same row appended to {@code rows}, for a writer that encodes many rows at once; false,
     * and nothing appended, for a line without a row.
     */
    public static boolean appendRow(StringBuilder rows, EventLine line, EvidenceEvent event, BundleScope scope,
                                    String subjectCell) {
        if (!mayHaveRow(line, scope) || !(event instanceof AccessRecorded access)
                || !access.agreementId().equals(scope.agreementId())) {
            return false;
        }
        record(rows, line, access, subjectCell);
        return true;
    }

    /**
     * Whether a line can have a row, read from its envelope alone: an access of the scope's
     * agreement, in full, recorded inside the period. Lets a writer skip decoding every other line.
     */
    public static boolean mayHaveRow(EventLine line, BundleScope scope) {
        return !line.isStub() && mayHaveRow(line.envelope(), scope);
    }

    /** The same for a line given in full, of which the caller holds the envelope. */
    public static boolean mayHaveRow(EventEnvelope envelope, BundleScope scope) {
        return ACCESS.equals(envelope.type()) && envelope.streamId().equals(scope.agreementId().value())
                && scope.covers(envelope.recordedAt());
    }

    /**
     * One cell as a row writes it ({@link CsvCells#append}), in UTF-8, without its comma: for a
     * writer that builds rows as bytes ({@link StoredAccess}). Plain ASCII, nearly every cell,
     * is copied as it is.
     */
    public static void appendCell(LineBytes out, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (plainCell(value)) {
            out.ascii(value);
        } else {
            out.bytes(CsvCells.cell(value).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@link #appendCell}'s bytes on their own: for a cell written again and again (a subject's). */
    public static byte[] cellBytes(String value) {
        LineBytes cell = new LineBytes(value == null ? 0 : value.length() + 4);
        appendCell(cell, value);
        return cell.toByteArray();
    }

    /** Printable ASCII that is no formula and needs no quotes: the cell is the text. */
    private static boolean plainCell(String value) {
        if (value.charAt(0) < 0x80 && CsvCells.formulaStart((byte) value.charAt(0))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == ',' || c == '"') {
                return false;
            }
        }
        return true;
    }

    /** The row's cells in {@link #COLUMNS} order, appended one by one: no list of cells is made per row. */
    private static void record(StringBuilder out, EventLine line, AccessRecorded access, String subjectCell) {
        cell(out, EventHash.format(access.occurredAt()));
        cell(out, EventHash.format(line.envelope().recordedAt()));
        cell(out, access.accessId());
        cell(out, access.actor().id());
        cell(out, access.actor().kind().name());
        cell(out, orEmpty(access.actor().subProcessorId()));
        cell(out, access.purpose().name());
        cell(out, orEmpty(access.instructionRef()));
        cell(out, joined(access.categories(), DataCategory::toString));
        cell(out, access.country() == null ? "" : access.country().code());
        cell(out, orEmpty(access.system()));
        cell(out, access.verdict().verdict().name());
        cell(out, joined(access.verdict().violations(), Violation::article));
        cell(out, Boolean.toString(access.recordedLate()));
        CsvCells.append(out, orEmpty(subjectCell));
        out.append("\r\n");
    }

    private static void cell(StringBuilder out, String value) {
        CsvCells.append(out, value).append(',');
    }

    /** The texts joined by semicolons into one cell, as {@code Collectors.joining(";")} would. */
    private static <T> String joined(List<T> items, Function<T, String> text) {
        if (items.size() == 1) {
            return text.apply(items.get(0));
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                joined.append(';');
            }
            joined.append(text.apply(items.get(i)));
        }
        return joined.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
