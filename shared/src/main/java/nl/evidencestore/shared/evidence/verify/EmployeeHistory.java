package nl.evidencestore.shared.evidence.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.evidencestore.shared.event.access.VerdictReassessed;
import nl.evidencestore.shared.event.employee.EmployeeEvent;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.model.EmployeeId;
import nl.evidencestore.shared.rules.RegisteredEmployees;

/**
 * The employee register as the bundle's employee streams record it, replayed up to any instant
 * of record time. The streams come after the agreement's chain in {@code events.jsonl}, so a
 * first quick pass picks out their lines (few) before the chain's accesses are judged.
 */
final class EmployeeHistory {
    // JCS sorts keys: an employee line holds this exactly, and a payload never has a streamId key.
    private static final byte[] KEY = ",\"streamId\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KIND = EmployeeId.STREAM_KIND.getBytes(StandardCharsets.UTF_8);
    private static final byte[] REASSESSED = ",\"type\":\"VerdictReassessed\"".getBytes(StandardCharsets.UTF_8);
    private final List<Recorded> events;
    private final Set<String> reassessedAccesses;
    private final RegisteredEmployees register = new RegisteredEmployees();
    private int applied;

    private record Recorded(Instant recordedAt, EmployeeEvent event) {
    }

    private EmployeeHistory(List<Recorded> events, Set<String> reassessedAccesses) {
        this.events = events;
        this.reassessedAccesses = reassessedAccesses;
    }

    /** Lines that do not parse are skipped here: the main pass reports them. */
    static EmployeeHistory read(InputStream in) throws IOException {
        List<Recorded> events = new ArrayList<>();
        Set<String> reassessed = new HashSet<>();
        LineReader reader = new LineReader(in);
        for (byte[] raw = reader.next(); raw != null; raw = reader.next()) {
            if (endsWith(raw, REASSESSED)) {
                try {
                    EventLine.parse(raw).event().filter(VerdictReassessed.class::isInstance)
                            .ifPresent(event -> reassessed.add(((VerdictReassessed) event).accessId()));
                } catch (RuntimeException e) {
                    // Reported by the main pass, which reads every line.
                }
            }
            if (isEmployeeLine(raw)) {
                try {
                    EventLine line = EventLine.parse(raw);
                    if (line.event().orElse(null) instanceof EmployeeEvent event) {
                        events.add(new Recorded(line.envelope().recordedAt(), event));
                    }
                } catch (RuntimeException e) {
                    // Reported by the main pass, which reads every line.
                }
            }
        }
        // Stable: within one stream the order of the lines stays.
        events.sort(Comparator.comparing(Recorded::recordedAt));
        return new EmployeeHistory(events, reassessed);
    }

    /**
     * The accesses that a reassessment in the bundle cites: the same quick pass notes them, so that
     * the main pass keeps the facts of these few accesses only, to hold each reassessment to its access.
     */
    Set<String> reassessedAccesses() {
        return reassessedAccesses;
    }

    /** Whether the canonical line holds this key and value just before its final {@code "v"} member. */
    private static boolean endsWith(byte[] line, byte[] typed) {
        for (int i = line.length - typed.length - 1; i >= Math.max(0, line.length - typed.length - 16); i--) {
            if (Arrays.equals(line, i, i + typed.length, typed, 0, typed.length)) {
                return true;
            }
        }
        return false;
    }

    /** The register as it stood once every employee event recorded at or before {@code instant} was applied. */
    RegisteredEmployees at(Instant instant) {
        while (applied < events.size() && !events.get(applied).recordedAt().isAfter(instant)) {
            register.apply(events.get(applied).event());
            applied++;
        }
        return register;
    }

    // The key sits near the end of a canonical line (only "type" and "v" sort after it): found
    // searching backwards, it costs a few dozen comparisons a line however long the payload.
    private static boolean isEmployeeLine(byte[] line) {
        outer:
        for (int i = line.length - KEY.length; i >= 0; i--) {
            for (int j = 0; j < KEY.length; j++) {
                if (line[i + j] != KEY[j]) {
                    continue outer;
                }
            }
            int at = i + KEY.length;
            return line.length >= at + KIND.length && Arrays.equals(line, at, at + KIND.length, KIND, 0, KIND.length);
        }
        return false;
    }
}
