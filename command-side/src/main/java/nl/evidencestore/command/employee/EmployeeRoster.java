package nl.evidencestore.command.employee;

import nl.evidencestore.shared.event.employee.EmployeeEvent;

/**
 * Where the employee aggregate writes the register beside its events, in the command's own
 * transaction, before the events are stored ({@link EmployeeDirectory}). Axon passes it to the
 * command handlers as a registered component.
 */
@FunctionalInterface
public interface EmployeeRoster {
    void record(EmployeeEvent event);
}
