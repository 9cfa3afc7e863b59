package nl.evidencestore.shared.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A breach (Art. 6), named by the client. In JSON it is the client's id; {@code toString()} is
 * its stream id {@code breach/<id>}, since Axon stores aggregate ids by toString().
 */
public record BreachId(String value) {
    public static final String STREAM_PREFIX = "breach/";

    public BreachId {
        Token.id(value, "breachId");
    }

    @JsonCreator
    public static BreachId of(String value) {
        return new BreachId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return STREAM_PREFIX + value;
    }
}
