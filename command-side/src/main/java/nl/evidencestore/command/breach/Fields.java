package nl.evidencestore.command.breach;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import nl.evidencestore.shared.error.FieldRefusal;

/** Shapes the breach commands' lists share; each failure names the field (HTTP 400). */
final class Fields {
    static final int MAX_LIST = 1000;
    static final int MAX_TEXT = 4000;

    private Fields() {
    }

    static <T> List<T> list(List<T> list, String what, int atLeast) {
        if (list == null) {
            throw new FieldRefusal(what, "is required");
        }
        if (list.size() < atLeast) {
            throw new FieldRefusal(what, "needs at least " + atLeast + " entry");
        }
        if (list.size() > MAX_LIST) {
            throw new FieldRefusal(what, "has more than " + MAX_LIST + " entries");
        }
        if (list.stream().anyMatch(Objects::isNull)) {
            throw new FieldRefusal(what, "contains null");
        }
        if (new HashSet<>(list).size() != list.size()) {
            throw new FieldRefusal(what, "names an entry twice");
        }
        return List.copyOf(list);
    }

    /** Text a rule may find missing (Art. 6.3): blank passes here, too long does not. */
    static String optionalText(String value, String what) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new FieldRefusal(what, "is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }
}
