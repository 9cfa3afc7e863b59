package nl.evidencestore.command.bundle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.BundleWriter;
import nl.evidencestore.shared.evidence.DeflatedRun;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.LineBytes;
import nl.evidencestore.shared.evidence.report.TimelineCsv;
import nl.evidencestore.shared.subject.SealedSubject;

/**
 * A run of consecutive bundle lines with all that costs per line done: each payload decoded
 * once, the lines' {@code events.jsonl} bytes and their timeline.csv rows (subjects opened for
 * the whole run at once), both deflated. Runs are prepared on several threads and written in
 * order; what is left for the writer is to sum and copy bytes and to count.
 */
record PreparedRun(List<EventLine> lines, List<Optional<EvidenceEvent>> events, DeflatedRun jsonl,
                   DeflatedRun timeline) {

    BundleWriter.DeflatedLines deflatedLines() {
        return new BundleWriter.DeflatedLines(lines, jsonl);
    }

    /** Prepares {@code lines} (already stubbed as the bundle carries them) with the deflaters of the caller's thread. */
    static PreparedRun of(List<EventLine> lines, BundleScope scope, SubjectColumn cells, RunDeflaters deflaters) {
        // Room for lines of 1.5 KB: the buffer is not copied to grow (a line is about 1.1 KB).
        LineBytes jsonl = new LineBytes(lines.size() * 1500);
        List<Optional<EvidenceEvent>> events = new ArrayList<>(lines.size());
        List<Integer> accesses = new ArrayList<>();
        List<SealedSubject> subjects = new ArrayList<>();
        for (EventLine line : lines) {
            line.writeJsonl(jsonl);
            // Stubs carry no payload; every other line is decoded here once, for the report and the timeline.
            Optional<EvidenceEvent> event = line.isStub() ? Optional.empty() : line.storedEvent();
            events.add(event);
            if (TimelineCsv.mayHaveRow(line, scope) && event.orElse(null) instanceof AccessRecorded access) {
                accesses.add(events.size() - 1);
                subjects.add(access.subject());
            }
        }
        String[] subjectCells = cells.of(subjects);
        StringBuilder rows = new StringBuilder(accesses.size() * 260);
        for (int i = 0; i < accesses.size(); i++) {
            int index = accesses.get(i);
            TimelineCsv.appendRow(rows, lines.get(index), events.get(index).orElseThrow(), scope, subjectCells[i]);
        }
        byte[] timeline = rows.toString().getBytes(StandardCharsets.UTF_8);
        return new PreparedRun(lines, events, jsonl.deflate(deflaters.events()),
                DeflatedRun.of(timeline, timeline.length, deflaters.timeline()));
    }
}
