package nl.evidencestore.shared.error;

import java.util.List;

/** The same idempotency key arrived again with other content (HTTP 409). */
public class ConflictingDuplicate extends RuntimeException {
    private final List<String> keys;

    public ConflictingDuplicate(List<String> keys) {
        super("already recorded with other content: " + String.join(", ", keys));
        this.keys = List.copyOf(keys);
    }

    public List<String> keys() {
        return keys;
    }
}
