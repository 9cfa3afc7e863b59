package nl.evidencestore.command.bundle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.BundleWriter;
import nl.evidencestore.shared.evidence.DeflatedRun;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.LineBytes;
import nl.evidencestore.shared.evidence.report.AccessFigures;
import nl.evidencestore.shared.evidence.report.ReportFigures;
import nl.evidencestore.shared.evidence.report.StoredAccess;
import nl.evidencestore.shared.evidence.report.TimelineCsv;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.subject.SealedSubject;

/**
 * A run of consecutive bundle lines with all that costs per line done: the lines'
 * {@code events.jsonl} bytes, their timeline.csv rows (subjects opened for the whole run at
 * once) and what each adds to the report, both files deflated. Runs are prepared on several
 * threads and written in order; what is left for the writer is to sum and copy bytes and to count.
 *
 * <p>An access of the agreement in the period, nearly every line, is read in place from its
 * stored payload ({@link StoredAccess}): its row written as bytes and its share of the report
 * counted, without the record. Any other line, or an access of another shape, is decoded once
 * ({@link EventLine#storedEvent}), and the writer counts its event.
 */
record PreparedRun(List<EventLine> lines, List<Optional<EvidenceEvent>> events, AccessFigures[] accesses,
                   DeflatedRun jsonl, DeflatedRun timeline) {

    BundleWriter.DeflatedLines deflatedLines() {
        return new BundleWriter.DeflatedLines(lines, jsonl);
    }

    /** Counts the run's lines into the report, in order. */
    void countInto(ReportFigures figures) {
        for (int i = 0; i < lines.size(); i++) {
            if (accesses[i] != null) {
                figures.acceptAccess(lines.get(i), accesses[i]);
            } else {
                figures.accept(lines.get(i), events.get(i));
            }
        }
    }

    /** Prepares {@code lines} (already stubbed as the bundle carries them) with the deflaters of the caller's thread. */
    static PreparedRun of(List<EventLine> lines, BundleScope scope, SubjectColumn cells, RunDeflaters deflaters) {
        // Room for lines of 1.2 KB: an access's line is about 1.07 KB, and the buffer, held until
        // the writer takes the run, is copied to grow only for a run of longer lines.
        LineBytes jsonl = new LineBytes(lines.size() * 1200);
        Rows rows = new Rows(lines.size(), cells);
        List<Optional<EvidenceEvent>> events = new ArrayList<>(lines.size());
        AccessFigures[] accesses = new AccessFigures[lines.size()];
        StoredAccess stored = new StoredAccess();
        String agreement = scope.agreementId().value();
        for (int i = 0; i < lines.size(); i++) {
            EventLine line = lines.get(i);
            String recordedAt = EventHash.format(line.envelope().recordedAt());
            line.writeJsonl(jsonl, EventHash.format(line.envelope().occurredAt()), recordedAt);
            boolean mayHaveRow = TimelineCsv.mayHaveRow(line, scope);
            if (mayHaveRow && line.readPayload(stored::read) && stored.ofAgreement(agreement)) {
                events.add(Optional.empty());
                accesses[i] = stored.figures();
                rows.add(stored, recordedAt);
                continue;
            }
            // Stubs carry no payload; every other line is decoded here once, for the report and the timeline.
            Optional<EvidenceEvent> event = line.isStub() ? Optional.empty() : line.storedEvent();
            events.add(event);
            if (mayHaveRow && event.orElse(null) instanceof AccessRecorded access) {
                rows.add(line, access, scope);
            }
        }
        LineBytes timeline = rows.withSubjects();
        return new PreparedRun(lines, events, accesses, jsonl.stored(),
                timeline.deflate(deflaters.timeline()));
    }

    /**
     * The run's timeline rows: each written up to its last cell, the subject's, as its line is
     * prepared; the subjects not met before are opened for the run at once, then each row ends.
     */
    private static final class Rows {
        private final SubjectColumn column;
        private final UuidCells byUuid;
        private final LineBytes heads;
        private int[] ends;
        private byte[][] cells;
        private final List<SealedSubject> unknown = new ArrayList<>();
        /** Per subject to open: its row, and its key id's halves when that is a UUID (else the row is negative). */
        private final List<long[]> unknownRows = new ArrayList<>();
        private int count;

        Rows(int lines, SubjectColumn column) {
            this.column = column;
            this.byUuid = column.ofThisThread();
            this.heads = new LineBytes(lines * 260);
            this.ends = new int[lines];
            this.cells = new byte[lines][];
        }

        void add(StoredAccess access, String recordedAt) {
            access.appendRowBeforeSubject(heads, recordedAt);
            int row = end();
            if (access.keyIdIsUuid()) {
                cells[row] = byUuid.get(access.keyIdHigh(), access.keyIdLow());
                if (cells[row] == null) {
                    unknown.add(access.subject());
                    unknownRows.add(new long[] {row, access.keyIdHigh(), access.keyIdLow()});
                }
            } else {
                byText(row, access.keyId(), access.subject());
            }
        }

        /** A row of a decoded access: the record's own row, its subject cell cut off (empty there, so only its line end). */
        void add(EventLine line, AccessRecorded access, BundleScope scope) {
            StringBuilder row = new StringBuilder(256);
            if (TimelineCsv.appendRow(row, line, access, scope, "")) {
                row.setLength(row.length() - 2);
                heads.bytes(row.toString().getBytes(StandardCharsets.UTF_8));
                byText(end(), access.subject().keyId(), access.subject());
            }
        }

        private void byText(int row, String keyId, SealedSubject subject) {
            String cell = column.known(keyId);
            if (cell != null) {
                cells[row] = TimelineCsv.cellBytes(cell);
            } else {
                unknown.add(subject);
                unknownRows.add(new long[] {-1 - row});
            }
        }

        /** Ends the row written last; its index. */
        private int end() {
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
                cells = Arrays.copyOf(cells, count * 2);
            }
            ends[count] = heads.length();
            return count++;
        }

        LineBytes withSubjects() {
            String[] opened = column.open(unknown);
            for (int i = 0; i < opened.length; i++) {
                long[] row = unknownRows.get(i);
                byte[] cell = TimelineCsv.cellBytes(opened[i]);
                if (row[0] >= 0) {
                    cells[(int) row[0]] = cell;
                    byUuid.put(row[1], row[2], cell);
                } else {
                    cells[(int) (-1 - row[0])] = cell;
                    column.remember(unknown.get(i).keyId(), opened[i]);
                }
            }
            LineBytes rows = new LineBytes(heads.length() + count * 40);
            int start = 0;
            for (int i = 0; i < count; i++) {
                heads.copyTo(rows, start, ends[i]);
                rows.bytes(cells[i]).ascii("\r\n");
                start = ends[i];
            }
            return rows;
        }
    }
}
