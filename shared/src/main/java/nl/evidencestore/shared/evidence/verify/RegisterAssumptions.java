package nl.evidencestore.shared.evidence.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.evidencestore.shared.rules.EmployeeRegister;
import nl.evidencestore.shared.model.ValidTime;

/**
 * The register as a verdict assumes it, so that accesses are judged on the one pass although the
 * employee streams come after them. An access's own verdict says what it assumes (Art. 2.3 among
 * its violations or not); the rules are asked with that answer, and when they agree, the answer
 * is noted and checked once the streams are read. Accesses of one employee whose occurrence falls
 * on one Amsterdam day share one answer as long as none of that employee's events was recorded
 * between them ({@link nl.evidencestore.shared.model.ValidTime}: registrations hold from 00:00
 * Amsterdam), so the notes stay few. Whatever this cannot settle exactly, a second reading with
 * the register known judges again.
 */
final class RegisterAssumptions implements EmployeeRegister {
    private final Map<Key, Span> spans = new HashMap<>();
    private boolean answer;
    private String asked;
    private Instant askedAt;
    private int questions;
    private boolean undecided;
    private final ValidTime.LastDay days = new ValidTime.LastDay();

    private record Key(String employeeId, LocalDate day, boolean registered) {
    }

    /** The accesses that assumed one answer: the first and last recorded, and one instant they asked about. */
    private static final class Span {
        private final Instant firstRecorded;
        private final Instant askedAt;
        private Instant lastRecorded;

        Span(Instant recordedAt, Instant askedAt) {
            this.firstRecorded = recordedAt;
            this.lastRecorded = recordedAt;
            this.askedAt = askedAt;
        }
    }

    /** The register for judging one access that assumes {@code registered}. */
    EmployeeRegister assume(boolean registered) {
        answer = registered;
        asked = null;
        questions = 0;
        return this;
    }

    @Override
    public boolean registeredAt(String employeeId, Instant instant) {
        asked = employeeId;
        askedAt = instant;
        questions++;
        return answer;
    }

    /** Whether the rules asked the register about the access just judged. */
    boolean consulted() {
        return questions > 0;
    }

    /** The rules agreed with the access recorded at {@code recordedAt}: its answer is to be checked. */
    void held(Instant recordedAt) {
        if (questions > 1) {
            undecided = true;
        } else if (questions == 1) {
            spans.computeIfAbsent(new Key(asked, days.of(askedAt), answer), key -> new Span(recordedAt, askedAt))
                    .lastRecorded = recordedAt;
        }
    }

    /** Something only a reading with the register known can judge (a failure naming the register's answer). */
    void undecided() {
        undecided = true;
    }

    /** Whether the register the employee streams record gives every answer assumed; false: judge again. */
    boolean confirmedBy(EmployeeHistory history) {
        if (undecided) {
            return false;
        }
        List<EmployeeHistory.Recorded> events = history.events();
        Map<String, List<Instant>> changes = new HashMap<>();
        events.forEach(e -> changes.computeIfAbsent(e.event().employeeId().value(), id -> new ArrayList<>()).add(e.recordedAt()));
        List<Map.Entry<Key, Span>> ordered = new ArrayList<>(spans.entrySet());
        ordered.sort(Comparator.comparing(entry -> entry.getValue().firstRecorded));
        EmployeeHistory.Replay replay = new EmployeeHistory.Replay(events);
        try {
            for (Map.Entry<Key, Span> entry : ordered) {
                Key key = entry.getKey();
                Span span = entry.getValue();
                boolean changed = changes.getOrDefault(key.employeeId(), List.of()).stream()
                        .anyMatch(at -> at.isAfter(span.firstRecorded) && !at.isAfter(span.lastRecorded));
                if (changed || replay.at(span.firstRecorded).registeredAt(key.employeeId(), span.askedAt) != key.registered()) {
                    return false;
                }
            }
            // A register that cannot be replayed fails the accesses after the fault: named by the second reading.
            replay.at(Instant.MAX);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
