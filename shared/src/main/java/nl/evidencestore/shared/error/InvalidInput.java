package nl.evidencestore.shared.error;

import java.util.List;

/** Malformed input (HTTP 400); each error names the JSON path of the field and what is wrong. */
public class InvalidInput extends RuntimeException {
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidInput(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String message) {
        this(message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
