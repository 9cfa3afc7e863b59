package nl.evidencestore.shared.evidence.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.evidencestore.shared.event.access.VerdictReassessed;
import nl.evidencestore.shared.event.employee.EmployeeEvent;
import nl.evidencestore.shared.model.EmployeeId;
import nl.evidencestore.shared.rules.RegisteredEmployees;

/**
 * The employee register as the bundle's employee streams record it, replayed up to any instant
 * of record time. The streams come after the agreement's chain in {@code events.jsonl}: their
 * events are gathered on the one pass ({@link #accept}) and replayed once it is over, when the
 * register assumed while judging is checked ({@link RegisterAssumptions}).
 */
final class EmployeeHistory {
    private final List<Recorded> events = new ArrayList<>();
    private final Set<String> reassessedAccesses = new HashSet<>();
    record Recorded(Instant recordedAt, EmployeeEvent event) {
    }

    /** Takes the employee events, and notes which accesses a reassessment cites. */
    void accept(LineFacts facts) {
        if (facts.event() instanceof VerdictReassessed reassessed) {
            reassessedAccesses.add(reassessed.accessId());
        } else if (facts.event() instanceof EmployeeEvent event && facts.streamId().startsWith(EmployeeId.STREAM_KIND)) {
            add(facts.envelope().recordedAt(), event);
        }
    }

    void add(Instant recordedAt, EmployeeEvent event) {
        events.add(new Recorded(recordedAt, event));
    }

    /** Every event gathered, in the order they are applied: by recordedAt, and within one instant in file order. */
    List<Recorded> events() {
        List<Recorded> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(Recorded::recordedAt));
        return sorted;
    }

    /**
     * The accesses that a reassessment in the bundle cites, so that a second reading keeps the
     * facts of these few accesses only, to hold each reassessment to its access.
     */
    Set<String> reassessedAccesses() {
        return reassessedAccesses;
    }

    /** Replays the register from the start: call once the pass has gathered every event. */
    Replay replay() {
        return new Replay(events());
    }

    /** The register as it stood once every employee event recorded at or before an instant was applied. */
    static final class Replay {
        private final List<Recorded> events;
        private final RegisteredEmployees register = new RegisteredEmployees();
        private int applied;

        Replay(List<Recorded> events) {
            this.events = events;
        }

        /** Instants must not go back from one call to the next. */
        RegisteredEmployees at(Instant instant) {
            while (applied < events.size() && !events.get(applied).recordedAt().isAfter(instant)) {
                register.apply(events.get(applied).event());
                applied++;
            }
            return register;
        }
    }
}
