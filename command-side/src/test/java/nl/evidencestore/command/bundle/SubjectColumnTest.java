package nl.evidencestore.command.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import nl.evidencestore.command.subject.SubjectCells;
import nl.evidencestore.shared.evidence.report.TimelineCsv;
import nl.evidencestore.shared.subject.SealedSubject;
import nl.evidencestore.shared.subject.SubjectRefs;
import org.junit.jupiter.api.Test;

class SubjectColumnTest {
    /** Key "k-N" opens to "subject-N"; "gone" was erased. Counts what it was asked to open. */
    private static final class Keys implements SubjectRefs {
        final List<String> opened = new ArrayList<>();

        @Override
        public Opened open(SealedSubject sealed) {
            opened.add(sealed.keyId());
            return sealed.keyId().equals("gone") ? new Erased("gone")
                    : new Readable(sealed.keyId().replace("k-", "subject-"));
        }

        @Override
        public Set<String> erased(Collection<String> keyIds) {
            return Set.of();
        }
    }

    @Test
    void givesEachReferenceItsCellInOrderAndOpensEachSubjectOnce() {
        Keys keys = new Keys();
        SubjectColumn column = new SubjectColumn(new SubjectCells(keys));

        assertThat(column.of(List.of(sealed("k-1"), sealed("gone"), sealed("k-2"), sealed("k-1"))))
                .containsExactly("subject-1", TimelineCsv.ERASED, "subject-2", "subject-1");
        assertThat(column.of(List.of(sealed("k-2"), sealed("k-3"), sealed("k-1"))))
                .containsExactly("subject-2", "subject-3", "subject-1");
        assertThat(column.of(List.of())).isEmpty();

        // Remembered across runs: only the subject not met before was opened the second time.
        assertThat(keys.opened).containsExactlyInAnyOrder("k-1", "gone", "k-2", "k-3");
    }

    private static SealedSubject sealed(String keyId) {
        return new SealedSubject(keyId, "c3ViamVjdA==");
    }
}
