package nl.evidencestore.shared.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;

/**
 * Annex 1's kinds of personal data. An open token, so that an access to data outside the
 * agreement's list can still be recorded as the violation it is.
 */
public record DataCategory(String name) {
    /** BSN and health data (GDPR Art. 9): marked sensitive in every view. */
    private static final Set<String> SENSITIVE = Set.of("BSN", "DENTAL_NOTES", "DENTAL_PHOTOS");

    public static final Set<String> ANNEX_1 = Set.of("GENDER", "SURNAME", "INITIALS", "NAME_PREFIX",
            "FIRST_NAME", "EMAIL", "HOME_ADDRESS", "PHONE_NUMBER", "DATE_OF_BIRTH", "BSN",
            "DENTAL_NOTES", "DENTAL_PHOTOS");

    public DataCategory {
        Token.upperSnake(name, "category");
    }

    @JsonCreator
    public static DataCategory of(String name) {
        return new DataCategory(name);
    }

    public boolean sensitive() {
        return SENSITIVE.contains(name);
    }

    @JsonValue
    @Override
    public String toString() {
        return name;
    }
}
