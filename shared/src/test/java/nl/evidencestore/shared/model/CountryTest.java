package nl.evidencestore.shared.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A country is exactly {@code [A-Z]{2}}. */
class CountryTest {
    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

    @Test
    void takesExactlyTwoUpperCaseLetters() {
        String[] texts = {"NL", "IN", "ZZ", "AA", "nl", "Nl", "N", "NLD", "", "N1", "@A", "A[", "\u00c9S", " NL"};
        for (String text : texts) {
            if (ALPHA_2.matcher(text).matches()) {
                assertThat(Country.of(text).code()).isEqualTo(text);
            } else {
                assertThatThrownBy(() -> Country.of(text)).isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThatThrownBy(() -> Country.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
