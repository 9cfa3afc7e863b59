package nl.evidencestore.command.subject;

import java.util.function.Function;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.report.TimelineCsv;
import nl.evidencestore.shared.subject.SubjectRefs;

/**
 * The subject column of a bundle's timeline.csv (evidence-bundle.md): the reference decrypted
 * while the subject's key exists, {@code [erased]} once it was destroyed. A key the store never
 * knew fails the export: showing it as erased would tell the auditor something untrue.
 */
public final class SubjectCells {
    private SubjectCells() {
    }

    public static Function<AccessRecorded, String> of(SubjectRefs subjects) {
        return access -> {
            SubjectRefs.Opened opened = subjects.open(access.subject());
            if (opened instanceof SubjectRefs.UnknownKey unknown) {
                throw new IllegalStateException("the key store does not know the subject key " + unknown.keyId()
                        + " of access " + access.accessId());
            }
            return opened.plaintext().orElse(TimelineCsv.ERASED);
        };
    }
}
