package nl.evidencestore.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SwarTest {
    /** Bytes near every edge the tests of eight at once must tell apart. */
    private static final byte[] BYTES = {'a', 'Z', ' ', '!', '~', 0x7f, '"', '\\', '\n', '\r', 0x1f, 0x00, 0x0b, 0x09,
            (byte) 0x80, (byte) 0xc3, (byte) 0xff, '#', '[', ']', 'A' - 1, '"' + 1, '\\' - 1};

    @Test
    void finds_the_first_newline_exactly_wherever_it_lies() {
        Random random = new Random(11);
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = randomBytes(random);
            int from = random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = from;
            while (expected < to && bytes[expected] != '\n') {
                expected++;
            }
            assertThat(Swar.newline(bytes, from, to)).as(Arrays.toString(bytes) + " " + from + ".." + to).isEqualTo(expected);
        }
    }

    @Test
    void finds_the_first_byte_that_is_not_plain_exactly() {
        Random random = new Random(14);
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = randomBytes(random);
            int from = random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = from;
            while (expected < to && bytes[expected] >= 0x20 && bytes[expected] != '"' && bytes[expected] != '\\') {
                expected++;
            }
            assertThat(Swar.firstNotPlain(bytes, from, to)).as(Arrays.toString(bytes) + " " + from + ".." + to)
                    .isEqualTo(expected);
        }
    }

    @Test
    void finds_the_first_quote_or_newline_exactly() {
        Random random = new Random(13);
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = randomBytes(random);
            int from = random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = from;
            while (expected < to && bytes[expected] != '\n' && bytes[expected] != '"') {
                expected++;
            }
            assertThat(Swar.quoteOrNewline(bytes, from, to)).as(Arrays.toString(bytes) + " " + from + ".." + to)
                    .isEqualTo(expected);
        }
    }

    @Test
    void steps_over_plain_ascii_only_and_stops_at_most_seven_bytes_before_anything_else() {
        Random random = new Random(12);
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = randomBytes(random);
            int from = random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            int special = from;
            while (special < to && bytes[special] >= 0x20 && bytes[special] != '"' && bytes[special] != '\\') {
                special++;
            }
            int stop = Swar.plainAscii(bytes, from, to);
            assertThat(stop).as(Arrays.toString(bytes) + " " + from + ".." + to).isBetween(Math.max(from, special - 7), special);
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(40)];
        // Mostly plain letters, as lines are, with an edge byte now and then.
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextInt(6) == 0 ? BYTES[random.nextInt(BYTES.length)] : (byte) ('a' + random.nextInt(26));
        }
        return bytes;
    }
}
