package nl.evidencestore.shared.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One audit the controller requested (Art. 9). */
public record AuditId(String value) {
    public static final String STREAM_KIND = "audit/";

    public AuditId {
        Token.id(value, "auditId");
    }

    @JsonCreator
    public static AuditId of(String value) {
        return new AuditId(value);
    }

    /** In JSON the raw id, as clients send it. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The audit's stream id: Axon stores the aggregate identifier by toString(). */
    @Override
    public String toString() {
        return STREAM_KIND + value;
    }
}
