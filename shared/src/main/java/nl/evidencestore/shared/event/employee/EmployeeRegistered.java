package nl.evidencestore.shared.event.employee;

import java.time.LocalDate;
import nl.evidencestore.shared.model.EmployeeId;

/**
 * Art. 2.3 — the employee confirmed that the confidentiality duty of Art. 8 binds them, and may
 * touch personal data from {@code confidentialitySignedOn} (00:00 Amsterdam) on.
 */
public record EmployeeRegistered(EmployeeId employeeId, String name, LocalDate confidentialitySignedOn)
        implements EmployeeEvent {
}
