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
 * {@value #REMEMBERED} of them, a few megabytes), so most rows cost a look-up instead of a
 * key-store look-up and an AES-GCM decryption. Cells of the store's own UUID key ids are kept per
 * preparing thread ({@link UuidCells}, read without a string); any other key id in a map shared
 * by the threads.
 */
final class SubjectColumn {
    private static final int REMEMBERED = 20_000;

    private final SubjectCells cells;
    private final Map<String, String> known = new ConcurrentHashMap<>();
    private final ThreadLocal<UuidCells> byUuid = ThreadLocal.withInitial(UuidCells::new);

    SubjectColumn(SubjectCells cells) {
        this.cells = cells;
    }

    /** The caller's thread's cells by UUID key id. */
    UuidCells ofThisThread() {
        return byUuid.get();
    }

    /** The cell of a subject met before in this export under a key id that is no UUID, or null. */
    String known(String keyId) {
        return known.get(keyId);
    }

    /** Remembers the cell of a key id that is no UUID. */
    void remember(String keyId, String cell) {
        if (known.size() < REMEMBERED) {
            known.put(keyId, cell);
        }
    }

    /** The cells of these references, in their order, opened now: at most one key-store look-up each. */
    String[] open(List<SealedSubject> subjects) {
        if (subjects.isEmpty()) {
            return new String[0];
        }
        Map<String, String> opened = cells.of(subjects);
        String[] cells = new String[subjects.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = opened.get(subjects.get(i).keyId());
        }
        return cells;
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
        String[] opened = open(unknown);
        for (int i = 0, next = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                cells[i] = opened[next];
                remember(unknown.get(next++).keyId(), cells[i]);
            }
        }
        return cells;
    }
}
