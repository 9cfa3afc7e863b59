package nl.evidencestore.command.employee;

import java.util.List;
import nl.evidencestore.command.catalog.CommandRoute;

/** The employee register's commands as HR systems send them (api.md, Commands). */
public final class EmployeeCommands {
    private EmployeeCommands() {
    }

    public static List<CommandRoute> routes() {
        return List.of(
                // Art. 2.3
                CommandRoute.of("employees", "/api/v1/employees", RegisterEmployee.class),
                CommandRoute.of("employees/revocation", "/api/v1/employees/{employeeId}/revocation",
                        RevokeEmployee.class));
    }
}
