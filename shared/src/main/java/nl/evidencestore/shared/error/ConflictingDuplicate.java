package nl.evidencestore.shared.error;

import java.util.List;

/** The same idempotency key arrived again with other content (HTTP 409). */
public class ConflictingDuplicate extends RuntimeException {
    private final List<String> keys;

    public ConflictingDuplicate(List<String> keys) {
        this("already recorded with other content: ", keys);
    }

    /** The same key twice in one request, with other content: nothing was recorded, so say that. */
    public static ConflictingDuplicate withinOneRequest(List<String> keys) {
        return new ConflictingDuplicate("sent twice in this request with other content: ", keys);
    }

    private ConflictingDuplicate(String what, List<String> keys) {
        super(what + String.join(", ", keys));
        this.keys = List.copyOf(keys);
    }

    public List<String> keys() {
        return keys;
    }
}
