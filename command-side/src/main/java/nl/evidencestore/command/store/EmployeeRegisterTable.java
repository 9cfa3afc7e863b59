package nl.evidencestore.command.store;

import java.util.List;

/**
 * Art. 2.3: the employee register beside the events, one row per registered period, written in
 * the employee's command transaction (see {@code EmployeeDirectory}). At most one open period
 * per employee.
 */
final class EmployeeRegisterTable {
    static final List<String> DDL = List.of("""
            CREATE TABLE IF NOT EXISTS employee_register (
                employee_id   TEXT NOT NULL,
                registered_on DATE NOT NULL,
                revoked_on    DATE,
                recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
            )""",
            "CREATE INDEX IF NOT EXISTS employee_register_by_id ON employee_register (employee_id)",
            "CREATE UNIQUE INDEX IF NOT EXISTS employee_register_open ON employee_register (employee_id)"
                    + " WHERE revoked_on IS NULL");

    private EmployeeRegisterTable() {
    }
}
