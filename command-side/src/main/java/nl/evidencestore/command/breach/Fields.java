package nl.evidencestore.command.breach;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Shapes the breach commands' lists share; each failure names the field (HTTP 400). */
final class Fields {
    static final int MAX_LIST = 1000;
    static final int MAX_TEXT = 4000;

    private Fields() {
    }

    static <T> List<T> list(List<T> list, String what, int atLeast) {
        if (list == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (list.size() < atLeast) {
            throw new IllegalArgumentException(what + " needs at least " + atLeast + " entry");
        }
        if (list.size() > MAX_LIST) {
            throw new IllegalArgumentException(what + " has more than " + MAX_LIST + " entries");
        }
        if (list.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(what + " contains null");
        }
        if (new HashSet<>(list).size() != list.size()) {
            throw new IllegalArgumentException(what + " names an entry twice");
        }
        return List.copyOf(list);
    }

    /** Text a rule may find missing (Art. 6.3): blank passes here, too long does not. */
    static String optionalText(String value, String what) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }
}
