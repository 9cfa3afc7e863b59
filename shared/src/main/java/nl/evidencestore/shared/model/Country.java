package nl.evidencestore.shared.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** Where processing happened (Art. 3.2): an ISO 3166-1 alpha-2 code. */
public record Country(String code) {
    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

    public Country {
        if (code == null || !ALPHA_2.matcher(code).matches()) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as NL");
        }
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
