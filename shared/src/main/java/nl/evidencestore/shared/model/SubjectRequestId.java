package nl.evidencestore.shared.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A data subject's request (Art. 7), named by the client. In JSON it is the client's id;
 * {@code toString()} is its stream id {@code subject-request/<id>}, since Axon stores aggregate
 * ids by toString().
 */
public record SubjectRequestId(String value) {
    public static final String STREAM_PREFIX = "subject-request/";

    public SubjectRequestId {
        Token.id(value, "requestId");
    }

    @JsonCreator
    public static SubjectRequestId of(String value) {
        return new SubjectRequestId(value);
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
