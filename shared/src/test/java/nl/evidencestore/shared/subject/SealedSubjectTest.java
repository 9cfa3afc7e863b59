package nl.evidencestore.shared.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SealedSubjectTest {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    @Test
    void acceptsWhatTheBase64PatternAccepts() {
        for (String text : List.of("", "=", "==", "a", "a=", "a==", "a===", "ab+/09", "a=b", "é", "a b", "-_", "Zz9+/==")) {
            assertThat(SealedSubject.isBase64(text)).as(text).isEqualTo(BASE64.matcher(text).matches());
        }
        Random random = new Random(5);
        String alphabet = "AZaz09+/=-_ é\n";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(SealedSubject.isBase64(text.toString())).as(text.toString())
                    .isEqualTo(BASE64.matcher(text).matches());
        }
    }
}
