package nl.evidencestore.command.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.evidencestore.command.subject.SubjectCells;
import nl.evidencestore.shared.subject.SealedSubject;

/**
 * The subject cells of one export's timeline. The same patients come back again and again
 * across a million accesses: a cell opened once is remembered for the rest of the export (up to
 * {@value #REMEMBERED} of them, a few megabytes), so most rows cost a map look-up instead of a
 * key-store look-up and an AES-GCM decryption. Shared by the threads that prepare runs.
 */
final class SubjectColumn {
    private static final int REMEMBERED = 20_000;

    private final SubjectCells cells;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    SubjectColumn(SubjectCells cells) {
        this.cells = cells;
    }

    /** The cell of a subject met before in this export, or null. */
    String known(String keyId) {
        return known.get(keyId);
    }

    /** The cells of these references, in their order: one look-up each for the subjects met before. */
    String[] of(List<SealedSubject> subjects) {
        String[] cells = new String[subjects.size()];
        List<SealedSubject> unknown = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            cells[i] = known.get(subjects.get(i).keyId());
            if (cells[i] == null) {
                unknown.add(subjects.get(i));
            }
        }
        if (unknown.isEmpty()) {
            return cells;
        }
        Map<String, String> opened = this.cells.of(unknown);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                cells[i] = opened.get(subjects.get(i).keyId());
            }
        }
        if (known.size() < REMEMBERED) {
            known.putAll(opened);
        }
        return cells;
    }
}
