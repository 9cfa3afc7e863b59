package nl.evidencestore.command.employee;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.evidencestore.shared.event.employee.EmployeeEvent;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.event.employee.EmployeeRevoked;
import nl.evidencestore.shared.rules.EmployeeRegister;
import nl.evidencestore.shared.rules.RegisterPeriod;
import nl.evidencestore.shared.rules.RegisteredEmployees;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The employee register as the command side judges accesses by it (Art. 2.3): the table
 * {@code employee_register}, one row per registered period, written by the {@link Employee}
 * aggregate in the same transaction as its events and read through the same connection
 * provider, so that a verdict never depends on a lagging projection.
 *
 * <p>Reads and writes also take a transaction-scoped advisory lock per employee, a writer's
 * before its event is stored. An access that reads the register therefore either waits for a
 * registration or revocation in flight, and then sees it and gets a later position, or goes
 * first, and the employee's event gets a later position. Either way an access's Art. 2.3
 * verdict is what the employee events before the access's position say: a verifier can
 * recompute it from the log ({@link RegisteredEmployees}).
 *
 * <p>For a batch of accesses, look every employee up at once with {@link #forEmployees}, before
 * judging the first: one lock statement and one query, whatever the batch's size, and locks
 * taken in one order, so that two batches never wait for each other in a circle.
 */
public final class EmployeeDirectory implements EmployeeRegister, EmployeeRoster {
    /** The advisory locks' namespace (their first key); the second is the hash of the employee id. */
    private static final int LOCKS = 23;
    private static final String LOOKED_UP = EmployeeDirectory.class.getName() + ".lookedUp";

    private final ConnectionProvider connections;

    public EmployeeDirectory(ConnectionProvider connections) {
        this.connections = connections;
    }

    /** One employee at one instant; for many, use {@link #forEmployees} once. */
    @Override
    public boolean registeredAt(String employeeId, Instant instant) {
        return forEmployees(List.of(employeeId)).registeredAt(employeeId, instant);
    }

    /**
     * The register of these employees as this transaction sees it, with one lock statement and
     * one query. Inside a unit of work, what was looked up is kept for the rest of it: later
     * questions about these employees, through this method or {@link #registeredAt}, are
     * answered from memory. An id not looked up yet is looked up when it is asked about.
     */
    @Override
    public EmployeeRegister forEmployees(Collection<String> employeeIds) {
        Map<String, List<RegisterPeriod>> known = lookedUp();
        Set<String> missing = new TreeSet<>(employeeIds);
        missing.removeAll(known.keySet());
        if (!missing.isEmpty()) {
            known.putAll(read(missing));
        }
        return (employeeId, instant) -> known.containsKey(employeeId)
                ? known.get(employeeId).stream().anyMatch(period -> period.holdsAt(instant))
                : registeredAt(employeeId, instant);
    }

    /** The unit of work's look-ups, so that a batch's handlers share one; none outside a unit of work. */
    private static Map<String, List<RegisterPeriod>> lookedUp() {
        return CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(LOOKED_UP, key -> new HashMap<>())
                : new HashMap<>();
    }

    private Map<String, List<RegisterPeriod>> read(Set<String> employeeIds) {
        Map<String, List<RegisterPeriod>> periods = new HashMap<>();
        employeeIds.forEach(id -> periods.put(id, new ArrayList<>()));
        try (Connection connection = connections.getConnection()) {
            String[] ids = employeeIds.toArray(String[]::new);
            lock(connection, "pg_advisory_xact_lock_shared", ids);
            // A statement of its own after the locks: its snapshot then shows what a writer committed meanwhile.
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT employee_id, registered_on, revoked_on FROM employee_register"
                            + " WHERE employee_id = ANY (?) ORDER BY employee_id, registered_on")) {
                select.setArray(1, connection.createArrayOf("text", ids));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Date revokedOn = rows.getDate(3);
                        periods.get(rows.getString(1)).add(new RegisterPeriod(rows.getDate(2).toLocalDate(),
                                revokedOn == null ? null : revokedOn.toLocalDate()));
                    }
                }
            }
            return periods;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the employee register", e);
        }
    }

    /** Only inside the command's transaction, so that the row commits, or not, with the event. */
    @Override
    public void record(EmployeeEvent event) {
        try (Connection connection = connections.getConnection()) {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("the employee register is written only inside a command's transaction");
            }
            lock(connection, "pg_advisory_xact_lock", new String[]{event.employeeId().value()});
            if (event instanceof EmployeeRegistered registered) {
                register(connection, registered);
            } else if (event instanceof EmployeeRevoked revoked) {
                revoke(connection, revoked);
            }
            // Read again when asked next: the row changed in this very transaction.
            lookedUp().remove(event.employeeId().value());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the employee register", e);
        }
    }

    private static void register(Connection connection, EmployeeRegistered event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO employee_register (employee_id, registered_on) VALUES (?, ?)")) {
            insert.setString(1, event.employeeId().value());
            insert.setDate(2, Date.valueOf(event.confidentialitySignedOn()));
            insert.executeUpdate();
        }
    }

    private static void revoke(Connection connection, EmployeeRevoked event) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE employee_register SET revoked_on = ? WHERE employee_id = ? AND revoked_on IS NULL")) {
            update.setDate(1, Date.valueOf(event.revokedOn()));
            update.setString(2, event.employeeId().value());
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("the employee register has no open registration to revoke");
            }
        }
    }

    /** In the order of the locks' keys, so that two transactions never wait for each other in a circle. */
    private static void lock(Connection connection, String function, String[] employeeIds) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(" + LOCKS + ", key)"
                + " FROM (SELECT DISTINCT hashtext(id) AS key FROM unnest(?::text[]) AS id ORDER BY key) AS keys")) {
            lock.setArray(1, connection.createArrayOf("text", employeeIds));
            lock.executeQuery().close();
        }
    }
}
