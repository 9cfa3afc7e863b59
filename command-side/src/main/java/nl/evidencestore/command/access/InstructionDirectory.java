package nl.evidencestore.command.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.model.AgreementId;
import org.axonframework.common.jdbc.ConnectionProvider;

/**
 * {@link InstructionOwners} as the table {@code instruction_register}: written in the registering
 * command's transaction, read through the same connection provider as the access's append, so
 * that a verdict never depends on a lagging projection.
 *
 * <p>An access sees the registrations committed before its statement ran. Unlike the employee
 * register it takes no lock: the writer holds its own agreement's lock while it writes, and a
 * batch of accesses holds others' while it reads, so a lock here could close a circle between
 * them. A registration for another agreement committed while the access is judged may therefore
 * be missed; what was seen travels in the access ({@code instructionOfAnotherAgreement}), so the
 * verdict is recomputed from the record either way. Only ids the agreement did not register
 * itself are asked about: a batch citing its own instructions costs no query.
 */
public final class InstructionDirectory implements InstructionOwners {
    private final ConnectionProvider connections;

    public InstructionDirectory(ConnectionProvider connections) {
        this.connections = connections;
    }

    @Override
    public void record(InstructionRegistered registered) {
        try (Connection connection = connections.getConnection()) {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("the instruction register is written only inside a command's transaction");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO instruction_register"
                    + " (instruction_id, agreement_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, registered.instructionId());
                insert.setString(2, registered.agreementId().value());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the instruction register", e);
        }
    }

    @Override
    public Set<String> ofOtherAgreements(AgreementId agreementId, Collection<String> instructionIds) {
        if (instructionIds.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT DISTINCT instruction_id"
                     + " FROM instruction_register WHERE instruction_id = ANY (?) AND agreement_id <> ?")) {
            select.setArray(1, connection.createArrayOf("text", instructionIds.toArray()));
            select.setString(2, agreementId.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the instruction register", e);
        }
        return found;
    }
}
