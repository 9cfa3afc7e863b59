package nl.evidencestore.command.access;

import java.util.List;
import nl.evidencestore.shared.model.AgreementId;

/**
 * Art. 2.3 across streams: the agreements under which an employee's accesses were recorded, so
 * that a registration or revocation dated back reaches every verdict it may change.
 */
@FunctionalInterface
public interface EmployeeAgreements {
    /** In the order of their ids; empty for an employee who accessed nothing. */
    List<AgreementId> actedUnder(String employeeId);
}
