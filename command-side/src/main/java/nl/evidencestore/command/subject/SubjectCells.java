package nl.evidencestore.command.subject;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import nl.evidencestore.shared.evidence.report.TimelineCsv;
import nl.evidencestore.shared.subject.SealedSubject;
import nl.evidencestore.shared.subject.SubjectRefs;

/**
 * The subject column of a bundle's timeline.csv (evidence-bundle.md): the reference decrypted
 * while the subject's key exists, {@code [erased]} once it was destroyed. A key the store never
 * knew fails the export: showing it as erased would tell the auditor something untrue.
 */
public final class SubjectCells {
    private final SubjectRefs subjects;

    public SubjectCells(SubjectRefs subjects) {
        this.subjects = subjects;
    }

    /** The cells of many references at once, by key id; thread-safe (a bundle's runs are prepared side by side). */
    public Map<String, String> of(Collection<SealedSubject> sealed) {
        // One reference per key is opened: all of a key's references name the same subject.
        Map<String, SealedSubject> byKey = new HashMap<>();
        sealed.forEach(each -> byKey.putIfAbsent(each.keyId(), each));
        Map<String, String> cells = new HashMap<>();
        subjects.openAll(byKey.values()).forEach((keyId, opened) -> {
            if (opened instanceof SubjectRefs.UnknownKey) {
                throw new IllegalStateException("the key store does not know the subject key " + keyId);
            }
            cells.put(keyId, opened.plaintext().orElse(TimelineCsv.ERASED));
        });
        return cells;
    }
}
