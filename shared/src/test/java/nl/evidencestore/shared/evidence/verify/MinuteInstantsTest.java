package nl.evidencestore.shared.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import nl.evidencestore.shared.json.IsoInstant;
import org.junit.jupiter.api.Test;

/** The minute kept changes nothing: every text reads as the parser reads it, one after another on one reader. */
class MinuteInstantsTest {
    /** What a change puts into the seconds or the fraction: digits at every edge, and what is not a digit. */
    private static final byte[] CHANGES = "0123456789:/.Z ".getBytes(StandardCharsets.US_ASCII);

    @Test
    void readsTextsAfterOneAnotherAsTheParserDoes() {
        Random random = new Random(31);
        MinuteInstants instants = new MinuteInstants();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        int sameMinute = 0;
        String lastMinute = "";
        for (int n = 0; n < 200_000; n++) {
            at = next(random, at);
            byte[] text = text(random, at);
            if (random.nextInt(4) == 0) {
                int i = 17 + random.nextInt(text.length - 17);
                text[i] = CHANGES[random.nextInt(CHANGES.length)];
            }
            byte[] line = new byte[text.length + 6];
            System.arraycopy(text, 0, line, 3, text.length);
            String written = new String(text, StandardCharsets.ISO_8859_1);
            Instant expected = IsoInstant.parse(written);
            assertThat(instants.parse(line, 3, 3 + text.length)).as(written).isEqualTo(expected);
            // Texts in the minute of the last one read: the kept minute's way was taken.
            sameMinute += written.startsWith(lastMinute) ? 1 : 0;
            lastMinute = expected != null ? written.substring(0, 17) : lastMinute;
        }
        assertThat(sameMinute).isGreaterThan(100_000);
    }

    /** Mostly a second or less later, sometimes a jump, sometimes far back (years 0000 to 9999). */
    private static Instant next(Random random, Instant at) {
        return switch (random.nextInt(20)) {
            case 0 -> Instant.ofEpochSecond(-62_167_219_200L + (long) (random.nextDouble() * 315_537_897_599L));
            case 1 -> at.plusSeconds(random.nextInt(100_000));
            default -> at.plusMillis(random.nextInt(1_500)).plusNanos(random.nextInt(1_000));
        };
    }

    /** The instant written with 0 to 9 fraction digits (its own nanos cut to them), as a store or a hand may write it. */
    private static byte[] text(Random random, Instant at) {
        String seconds = Instant.ofEpochSecond(at.getEpochSecond()).toString();
        int digits = random.nextInt(10);
        String fraction = String.format("%09d", at.getNano()).substring(0, digits);
        String text = seconds.substring(0, seconds.length() - 1) + (digits == 0 ? "" : "." + fraction) + "Z";
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
