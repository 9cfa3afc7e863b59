package nl.evidencestore.shared.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why data is processed (Art. 1.2, 1.3): Annex 1's purposes plus those the controller adds. */
public record Purpose(String name) {
    public Purpose {
        Token.upperSnake(name, "purpose");
    }

    @JsonCreator
    public static Purpose of(String name) {
        return new Purpose(name);
    }

    @JsonValue
    @Override
    public String toString() {
        return name;
    }
}
