package nl.evidencestore.shared.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One technical or organisational security measure of the processor (Art. 5). */
public record SecurityMeasureId(String value) {
    public static final String STREAM_KIND = "security-measure/";

    public SecurityMeasureId {
        Token.id(value, "measureId");
    }

    @JsonCreator
    public static SecurityMeasureId of(String value) {
        return new SecurityMeasureId(value);
    }

    /** In JSON the raw id, as clients send it. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The measure's stream id: Axon stores the aggregate identifier by toString(). */
    @Override
    public String toString() {
        return STREAM_KIND + value;
    }
}
