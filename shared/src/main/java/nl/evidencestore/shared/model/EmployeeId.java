package nl.evidencestore.shared.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A person under the processor's authority (Art. 2.3), named as HR and the access-reporting
 * systems name them: the same id an access carries as {@code actor.id}.
 */
public record EmployeeId(String value) {
    public static final String STREAM_KIND = "employee/";

    public EmployeeId {
        Token.id(value, "employeeId");
    }

    @JsonCreator
    public static EmployeeId of(String value) {
        return new EmployeeId(value);
    }

    /** In JSON the raw id, as clients send it. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The employee's stream id: Axon stores the aggregate identifier by toString(). */
    @Override
    public String toString() {
        return STREAM_KIND + value;
    }
}
