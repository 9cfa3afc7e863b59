package nl.evidencestore.shared.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.evidencestore.shared.event.employee.EmployeeEvent;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.event.employee.EmployeeRevoked;

/**
 * The employee register as periods per employee, answering Art. 2.3 for any instant. Filled
 * from the employees' streams in stream order ({@link #apply}), as the verifier and the query
 * side do, or period by period ({@link #add}) from the command side's table. Not thread-safe.
 */
public final class RegisteredEmployees implements EmployeeRegister {
    private final Map<String, List<RegisterPeriod>> periods = new HashMap<>();

    public void apply(EmployeeEvent event) {
        String id = event.employeeId().value();
        if (event instanceof EmployeeRegistered e) {
            add(id, new RegisterPeriod(e.confidentialitySignedOn(), null));
        } else if (event instanceof EmployeeRevoked e) {
            List<RegisterPeriod> list = periods.getOrDefault(id, List.of());
            if (list.isEmpty() || !list.get(list.size() - 1).open()) {
                throw new IllegalStateException("a revocation without an open registration");
            }
            list.set(list.size() - 1, list.get(list.size() - 1).revokedOn(e.revokedOn()));
        }
    }

    public void add(String employeeId, RegisterPeriod period) {
        periods.computeIfAbsent(employeeId, id -> new ArrayList<>()).add(period);
    }

    /** Oldest first; empty for an id never registered. */
    public List<RegisterPeriod> periodsOf(String employeeId) {
        return List.copyOf(periods.getOrDefault(employeeId, List.of()));
    }

    @Override
    public boolean registeredAt(String employeeId, Instant instant) {
        return periods.getOrDefault(employeeId, List.of()).stream().anyMatch(period -> period.holdsAt(instant));
    }
}
