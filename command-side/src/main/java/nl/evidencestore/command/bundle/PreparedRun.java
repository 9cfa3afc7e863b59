package nl.evidencestore.command.bundle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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
        // Room for lines of 1.5 KB: the buffer is not copied to grow (a line is about 1.1 KB).
        LineBytes jsonl = new LineBytes(lines.size() * 1500);
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
        return new PreparedRun(lines, events, accesses, jsonl.deflate(deflaters.events()),
                timeline.deflate(deflaters.timeline()));
    }

    /**
     * The run's timeline rows: each written up to its last cell, the subject's, as its line is
     * prepared; the subjects not met before are opened for the run at once, then each row ends.
     */
    private static final class Rows {
        private final SubjectColumn cells;
        private final LineBytes heads;
        private int[] ends;
        private String[] subjects;
        private final List<SealedSubject> unknown = new ArrayList<>();
        private final List<Integer> unknownRows = new ArrayList<>();
        private int count;

        Rows(int lines, SubjectColumn cells) {
            this.cells = cells;
            this.heads = new LineBytes(lines * 260);
            this.ends = new int[lines];
            this.subjects = new String[lines];
        }

        void add(StoredAccess access, String recordedAt) {
            access.appendRowBeforeSubject(heads, recordedAt);
            end(access.keyId(), access::subject);
        }

        /** A row of a decoded access: the record's own row, its subject cell cut off (empty there, so only its line end). */
        void add(EventLine line, AccessRecorded access, BundleScope scope) {
            StringBuilder row = new StringBuilder(256);
            if (TimelineCsv.appendRow(row, line, access, scope, "")) {
                row.setLength(row.length() - 2);
                heads.bytes(row.toString().getBytes(StandardCharsets.UTF_8));
                end(access.subject().keyId(), access::subject);
            }
        }

        private void end(String keyId, Supplier<SealedSubject> sealed) {
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
                subjects = Arrays.copyOf(subjects, count * 2);
            }
            ends[count] = heads.length();
            subjects[count] = cells.known(keyId);
            if (subjects[count] == null) {
                unknown.add(sealed.get());
                unknownRows.add(count);
            }
            count++;
        }

        LineBytes withSubjects() {
            String[] opened = cells.of(unknown);
            for (int i = 0; i < opened.length; i++) {
                subjects[unknownRows.get(i)] = opened[i];
            }
            LineBytes rows = new LineBytes(heads.length() + count * 40);
            int start = 0;
            for (int i = 0; i < count; i++) {
                heads.copyTo(rows, start, ends[i]);
                TimelineCsv.appendCell(rows, subjects[i]);
                rows.ascii("\r\n");
                start = ends[i];
            }
            return rows;
        }
    }
}
