package nl.evidencestore.shared.event.employee;

import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.model.EmployeeId;

/** The register of people under the processor's authority: one stream per employee. */
public sealed interface EmployeeEvent extends EvidenceEvent permits EmployeeRegistered, EmployeeRevoked {
    EmployeeId employeeId();

    @Override
    default String streamId() {
        return employeeId().toString();
    }
}
