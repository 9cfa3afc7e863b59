package nl.evidencestore.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass writer makes exactly the general JCS canonicaliser's bytes of the store's JSON. */
class CanonicalWriteTest {
    private static final String[] ALPHABET = {"a", "Z", "0", "9", "-", "_", "/", ".", ":", "\"", "\\", "\b", "\f", "\n",
        "\r", "\t", "\u0000", "\u0001", "\u001f", "\u007f", "\u00e9", "\u2028", "\u20ac", "\ud83d\ude00", " ",
        // lone surrogates: not Unicode text, but nothing stops a client sending them escaped
        "\ud83d", "\ude00"};

    record Inner(String zeta, boolean alpha, List<String> items) {
    }

    record Outer(String b, Instant at, LocalDate on, long count, Inner inner, Map<String, String> byKey,
                 String absent, String Upper, String \u00e9t\u00e9, String \u20acuro) {
    }

    @Test
    void writesTheJcsFormOfAwkwardValuesInOnePass() {
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            Map<String, String> byKey = new HashMap<>();
            for (int k = random.nextInt(5); k > 0; k--) {
                byKey.put(text(random), text(random));
            }
            Outer value = new Outer(text(random), Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)),
                    LocalDate.ofEpochDay(random.nextInt(40_000)), Math.abs(random.nextLong()) % (1L << 53),
                    new Inner(text(random), random.nextBoolean(), List.of(text(random), text(random))), byKey,
                    null, text(random), text(random), text(random));
            assertThat(new String(Json.canonicalWrite(value), StandardCharsets.UTF_8))
                    .isEqualTo(new String(Json.canonical(value), StandardCharsets.UTF_8));
        }
    }

    @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.SIMPLE_NAME,
            property = "kind")
    sealed interface Shape permits Circle {
    }

    record Circle(String colour, String area) implements Shape {
    }

    record Drawing(String title, Shape shape) {
    }

    @Test
    void aPolymorphicMemberWhoseTypeIdComesFirstIsStillWrittenInJcsOrder() {
        Drawing drawing = new Drawing("t", new Circle("red", "a"));

        assertThat(new String(Json.canonicalWrite(drawing), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.canonical(drawing), StandardCharsets.UTF_8))
                .contains("{\"area\":\"a\",\"colour\":\"red\",\"kind\":\"Circle\"}");
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }
}
