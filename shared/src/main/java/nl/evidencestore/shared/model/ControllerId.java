package nl.evidencestore.shared.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The dental practice: the tenant that the data belongs to. */
public record ControllerId(String value) {
    public ControllerId {
        Token.id(value, "controller.id");
    }

    @JsonCreator
    public static ControllerId of(String value) {
        return new ControllerId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
