package nl.evidencestore.command.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
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
    void opensEachReferenceInOrderAndRemembersOnlyWhatItIsGiven() {
        Keys keys = new Keys();
        SubjectColumn column = new SubjectColumn(new SubjectCells(keys));

        assertThat(column.open(List.of(sealed("k-1"), sealed("gone"), sealed("k-2"), sealed("k-1"))))
                .containsExactly("subject-1", TimelineCsv.ERASED, "subject-2", "subject-1");
        assertThat(column.open(List.of())).isEmpty();
        assertThat(column.known("k-1")).isNull();

        column.remember("k-1", "subject-1");
        assertThat(column.known("k-1")).isEqualTo("subject-1");
        assertThat(keys.opened).containsExactlyInAnyOrder("k-1", "gone", "k-2");
    }

    @Test
    void uuidCellsGiveBackWhatWasPutUnderBothHalvesAndNothingElse() {
        UuidCells cells = new UuidCells();
        Random random = new Random(3);
        long[][] keys = new long[UuidCells.MOST + 100][];
        for (int i = 0; i < keys.length; i++) {
            // Key ids sharing one half or the other, as well as random ones; no two alike.
            keys[i] = i % 3 == 0 ? new long[] {7, i} : new long[] {random.nextLong(), i % 5 == 0 ? 7 : random.nextLong()};
            cells.put(keys[i][0], keys[i][1], new byte[] {(byte) i});
        }
        for (int i = 0; i < keys.length; i++) {
            byte[] cell = cells.get(keys[i][0], keys[i][1]);
            if (i < UuidCells.MOST) {
                assertThat(cell).containsExactly((byte) i);
            } else {
                assertThat(cell).as("past the bound").isNull();
            }
        }
        assertThat(cells.get(1, 2)).isNull();
        assertThat(new SubjectColumn(new SubjectCells(new Keys())).ofThisThread()).isNotNull();
    }

    private static SealedSubject sealed(String keyId) {
        return new SealedSubject(keyId, "c3ViamVjdA==");
    }
}
