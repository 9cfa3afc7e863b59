package nl.evidencestore.query.employee;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * One employee in the register: whether they were registered at the list's {@code asOf}, and
 * every registered period, oldest first.
 */
public record EmployeeEntry(String employeeId, String name, boolean registered, List<Period> periods) {
    /** From the confirmation of the confidentiality duty up to (not including) the revocation. */
    public record Period(LocalDate confidentialitySignedOn,
                         @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate revokedOn) {
    }
}
