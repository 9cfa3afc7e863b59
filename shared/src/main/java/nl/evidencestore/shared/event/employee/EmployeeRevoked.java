package nl.evidencestore.shared.event.employee;

import java.time.LocalDate;
import nl.evidencestore.shared.model.EmployeeId;

/** Art. 2.3 — the registration ends: {@code revokedOn} is the first day the employee is no longer registered. */
public record EmployeeRevoked(EmployeeId employeeId, LocalDate revokedOn) implements EmployeeEvent {
}
