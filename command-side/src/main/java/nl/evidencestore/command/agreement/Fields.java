package nl.evidencestore.command.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import nl.evidencestore.shared.model.Token;

/** Field checks the agreement's commands share beyond {@link Token}; messages name the field only. */
final class Fields {
    static final int MAX_LIST = 1000;

    private Fields() {
    }

    static <T> List<T> list(List<T> list, String what, int atLeast) {
        Token.required(list, what);
        if (list.size() < atLeast) {
            throw new IllegalArgumentException(what + " needs at least " + atLeast + " entry");
        }
        if (list.size() > MAX_LIST) {
            throw new IllegalArgumentException(what + " has more than " + MAX_LIST + " entries");
        }
        if (list.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(what + " contains null");
        }
        return List.copyOf(list);
    }

    static void notBefore(LocalDate later, String laterName, LocalDate earlier, String earlierName) {
        if (later != null && earlier != null && later.isBefore(earlier)) {
            throw new IllegalArgumentException(laterName + " must not be before " + earlierName);
        }
    }
}
