package nl.evidencestore.shared.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The character loops accept exactly what the regular expressions they replace accept. */
class TokenShapesTest {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final String ALPHABET = "aZ09._:-/ A_zé\u0000\t9fF";

    @Test
    void acceptExactlyWhatThePatternsAccept() {
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            String value = text(random, random.nextInt(4) == 0 ? 140 : 70);
            assertThat(Token.isId(value)).as(value).isEqualTo(ID.matcher(value).matches());
            assertThat(Token.isUpperSnake(value)).as(value).isEqualTo(UPPER_SNAKE.matcher(value).matches());
            String upper = value.toUpperCase(java.util.Locale.ROOT);
            assertThat(Token.isUpperSnake(upper)).as(upper).isEqualTo(UPPER_SNAKE.matcher(upper).matches());
        }
        String hexish = "0123456789abcdefAFg\u00e9\u0100";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = 0; n < 64; n++) {
                value.append(hexish.charAt(random.nextInt(i % 2 == 0 ? 16 : hexish.length())));
            }
            assertThat(Token.isSha256Hex(value.toString())).as(value.toString()).isEqualTo(SHA256_HEX.matcher(value).matches());
        }
        for (String edge : new String[]{"", "a", "A", "_A", "A".repeat(64), "A".repeat(65), "a".repeat(128),
                "a".repeat(129), "0".repeat(64), "f".repeat(64), "F".repeat(64), "0".repeat(63)}) {
            assertThat(Token.isId(edge)).as(edge).isEqualTo(ID.matcher(edge).matches());
            assertThat(Token.isUpperSnake(edge)).as(edge).isEqualTo(UPPER_SNAKE.matcher(edge).matches());
            assertThat(Token.isSha256Hex(edge)).as(edge).isEqualTo(SHA256_HEX.matcher(edge).matches());
        }
    }

    private static String text(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
