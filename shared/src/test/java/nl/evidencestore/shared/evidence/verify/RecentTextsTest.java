package nl.evidencestore.shared.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.json.JcsScanner;
import org.junit.jupiter.api.Test;

/** A text or instant reused from the line before is the one decoding and parsing give; a refused one is never kept. */
class RecentTextsTest {
    private static final List<String> TEXTS = List.of("AccessRecorded", "agr-1", "employee/e-1", "caf\\u00e9", "caf\\\"e",
            "2026-03-01T09:00:00.000000Z", "2026-03-01T09:00:00.000001Z", "2026-03-01T09:00:00Z", "2026-02-30T00:00:00.000000Z",
            "");

    @Test
    void random_sequences_of_texts_give_what_decoding_and_parsing_each_give() {
        RecentTexts recent = new RecentTexts();
        Random random = new Random(41);
        for (int n = 0; n < 20_000; n++) {
            int member = random.nextInt(3);
            byte[] json = ("x\"" + TEXTS.get(random.nextInt(TEXTS.size())) + "\"y").getBytes(StandardCharsets.UTF_8);
            int from = 2;
            int to = json.length - 2;
            String text = recent.text(member, json, from, to);
            assertThat(text).isEqualTo(JcsScanner.text(json, from, to));
            assertThat(recent.instant(member, text)).isEqualTo(parsed(text));
        }
    }

    @Test
    void the_same_bytes_give_the_same_string_and_instant_again() {
        RecentTexts recent = new RecentTexts();
        byte[] first = "2026-03-01T09:00:00.000000Z".getBytes(StandardCharsets.US_ASCII);
        byte[] again = first.clone();
        String text = recent.text(0, first, 0, first.length);
        assertThat(recent.text(0, again, 0, again.length)).isSameAs(text);
        assertThat(recent.instant(0, text)).isSameAs(recent.instant(0, text)).isEqualTo(EventHash.parse(text));
        assertThat(recent.instant(0, null)).isNull();
        assertThat(recent.instant(1, "2026-03-01T09:00:00Z")).isNull();
    }

    private static java.time.Instant parsed(String text) {
        try {
            return EventHash.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
