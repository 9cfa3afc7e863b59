package nl.evidencestore.shared.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One processing agreement between one controller and the processor. */
public record AgreementId(String value) {
    public AgreementId {
        Token.id(value, "agreementId");
    }

    @JsonCreator
    public static AgreementId of(String value) {
        return new AgreementId(value);
    }

    /** Axon stores the aggregate identifier by toString(): keep it the raw value. */
    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
