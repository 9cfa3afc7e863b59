package nl.evidencestore.command.bundle;

import java.util.ArrayList;
import java.util.HashMap;
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

    /** The cells of these references, by key id. */
    Map<String, String> of(List<SealedSubject> subjects) {
        Map<String, String> found = new HashMap<>();
        List<SealedSubject> unknown = new ArrayList<>();
        for (SealedSubject subject : subjects) {
            String cell = known.get(subject.keyId());
            if (cell != null) {
                found.put(subject.keyId(), cell);
            } else {
                unknown.add(subject);
            }
        }
        if (!unknown.isEmpty()) {
            Map<String, String> opened = cells.of(unknown);
            found.putAll(opened);
            if (known.size() < REMEMBERED) {
                known.putAll(opened);
            }
        }
        return found;
    }
}
