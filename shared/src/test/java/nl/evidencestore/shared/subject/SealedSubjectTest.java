package nl.evidencestore.shared.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SealedSubjectTest {
    /** The pattern the character loop replaces. */
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    @Test
    void the_character_loop_accepts_exactly_what_the_pattern_accepts() {
        String alphabet = "Az09+/==-_ .\u00e9";
        Random random = new Random(42);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            assertThat(SealedSubject.isBase64(candidate)).as(candidate).isEqualTo(BASE64.matcher(candidate).matches());
        }
    }

    @Test
    void a_ciphertext_that_is_not_standard_base64_is_refused() {
        assertThat(new SealedSubject("key-1", "cw==").ciphertext()).isEqualTo("cw==");
        for (String wrong : new String[] {"", "=", "cw===", "c=w", "cw-_", "cw ==", "=cw"}) {
            assertThatThrownBy(() -> new SealedSubject("key-1", wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
