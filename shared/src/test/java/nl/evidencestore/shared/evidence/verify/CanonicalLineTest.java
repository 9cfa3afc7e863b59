package nl.evidencestore.shared.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventHash;
import org.junit.jupiter.api.Test;

class CanonicalLineTest {
    @Test
    void readsInstantsAsEventHashDoes() {
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 250_000_000_000L, 1_000L * random.nextInt(1_000_000));
            String text = EventHash.format(instant);
            assertThat(CanonicalLine.instant(text)).as(text).isEqualTo(EventHash.parse(text));
        }
        for (String wrong : List.of("2026-02-30T00:00:00.000000Z", "2026-03-01T09:30:00.00000aZ", "2026-03-01T09:30:00Z",
                "2026-03-01 09:30:00.000000Z", "2026-13-01T09:30:00.000000Z")) {
            assertThatThrownBy(() -> CanonicalLine.instant(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void readsACanonicalLineAsEventLineDoesAndLeavesOthersToIt() {
        EventLine line = nl.evidencestore.shared.evidence.TestBundles.standard().history().chain("agr-a").get(0);
        assertThat(CanonicalLine.read(line.toJsonl())).contains(line);
        byte[] spaced = new String(line.toJsonl()).replaceFirst(":", ": ").getBytes();
        assertThat(CanonicalLine.read(spaced)).isEmpty();
        assertThat(EventLine.parse(spaced)).isEqualTo(line);
        byte[] extra = new String(line.toJsonl()).replaceFirst("\\{", "{\"aaa\":true,").getBytes();
        assertThat(JcsForm.isCanonical(java.util.Arrays.copyOf(extra, extra.length - 1))).isTrue();
        assertThat(CanonicalLine.read(extra)).isEmpty();
    }
}
