package nl.evidencestore.shared.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DerivedFilesTest {
    private static final String[] PREFIXES = {"2026-03-01T09:00:00.000000Z,acc-1,emp-7,,NL,", "a,\"'=x, \"\"y\"\"\",b,", ",", "é,ü,"};
    private static final String PIECES = "aZ09 -_.,\"\r\n=+@\t'é";

    @Test
    void the_row_decided_in_place_is_only_ever_one_the_general_way_finds_equal() {
        Random random = new Random(5);
        int inPlace = 0;
        for (int n = 0; n < 100_000; n++) {
            String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
            byte[] template = bytes(prefix + LineFacts.SUBJECT + "\r\n");
            StringBuilder subject = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                subject.append(random.nextInt(3) == 0 ? PIECES.charAt(random.nextInt(PIECES.length())) : 'k');
            }
            String recordPrefix = random.nextInt(10) == 0 ? PREFIXES[random.nextInt(PREFIXES.length)] : prefix;
            String ending = random.nextInt(20) == 0 ? "\n" : "\r\n";
            byte[] record = bytes(recordPrefix + subject + ending);
            if (DerivedFiles.plainSubjectRow(template, record)) {
                inPlace++;
                assertThat(DerivedFiles.withSubject(template, record)).as(new String(record, StandardCharsets.UTF_8))
                        .isEqualTo(record);
            }
        }
        assertThat(inPlace).isGreaterThan(10_000);
    }

    @Test
    void a_row_whose_subject_the_writer_would_quote_or_guard_goes_the_general_way() {
        byte[] template = bytes("x,y," + LineFacts.SUBJECT + "\r\n");
        assertThat(DerivedFiles.plainSubjectRow(template, bytes("x,y,patient-42\r\n"))).isTrue();
        assertThat(DerivedFiles.plainSubjectRow(template, bytes("x,y,\r\n"))).isTrue();
        for (String other : new String[] {"x,y,=cmd\r\n", "x,y,\"a,b\"\r\n", "x,y,é\r\n", "x,z,p\r\n", "x,y,p\n", "x,y,a,b\r\n"}) {
            assertThat(DerivedFiles.plainSubjectRow(template, bytes(other))).as(other).isFalse();
        }
        assertThat(Arrays.equals(DerivedFiles.withSubject(template, bytes("x,y,\"a,b\"\r\n")), bytes("x,y,\"a,b\"\r\n"))).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
