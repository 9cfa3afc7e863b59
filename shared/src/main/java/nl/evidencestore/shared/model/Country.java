package nl.evidencestore.shared.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where processing happened (Art. 3.2): an ISO 3166-1 alpha-2 code. */
public record Country(String code) {
    public Country {
        // [A-Z]{2}, checked by hand: every access names a country, and a matcher per access showed.
        if (code == null || code.length() != 2 || !isUpper(code.charAt(0)) || !isUpper(code.charAt(1))) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as NL");
        }
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    @JsonCreator
    public static Country of(String code) {
        return new Country(code);
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
