package nl.evidencestore.command.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.command.subject.SubjectCells;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.report.TimelineCsv;
import nl.evidencestore.shared.subject.SealedSubject;

/**
 * The rows of a bundle's timeline.csv as the chain streams past: the accesses of the period,
 * in order, with their subjects opened a thousand at a time (one key-store look-up each, not
 * one per row).
 */
final class TimelineRows {
    private static final int AT_ONCE = 1000;

    private record Pending(EventLine line, AccessRecorded access) {
    }

    private final BundleScope scope;
    private final SubjectCells cells;
    private final OutputStream csv;
    private final List<Pending> pending = new ArrayList<>(AT_ONCE);

    TimelineRows(BundleScope scope, SubjectCells cells, OutputStream csv) {
        this.scope = scope;
        this.cells = cells;
        this.csv = csv;
    }

    void accept(EventLine line) {
        if (!TimelineCsv.mayHaveRow(line, scope)) {
            return;
        }
        pending.add(new Pending(line, (AccessRecorded) line.event().orElseThrow()));
        if (pending.size() == AT_ONCE) {
            flush();
        }
    }

    void flush() {
        Map<String, String> subjects = cells.of(pending.stream().map(each -> each.access().subject()).toList());
        try {
            for (Pending each : pending) {
                SealedSubject subject = each.access().subject();
                Optional<byte[]> row = TimelineCsv.row(each.line(), scope, subjects.get(subject.keyId()));
                if (row.isPresent()) {
                    csv.write(row.get());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pending.clear();
    }
}
