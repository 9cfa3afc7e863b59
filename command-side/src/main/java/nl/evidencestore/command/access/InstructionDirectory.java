package nl.evidencestore.command.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * {@link InstructionOwners} as the table {@code instruction_register}: written in the registering
 * command's transaction, so that a verdict never depends on a lagging projection.
 *
 * <p>Read from memory: the table is read once, and each registration joins the map when its
 * transaction commits, so an access sees exactly the committed registrations, as a query
 * would, without one query per agreement of every batch of accesses (W1 cites ids no agreement
 * registered on every batch). Unlike the employee register it takes no lock: the writer holds
 * its own agreement's lock while it writes, and a batch of accesses holds others' while it
 * reads, so a lock here could close a circle between them. A registration for another
 * agreement committed while the access is judged may therefore be missed; what was seen
 * travels in the access ({@code instructionOfAnotherAgreement}), so the verdict is recomputed
 * from the record either way.
 */
public final class InstructionDirectory implements InstructionOwners {
    private final ConnectionProvider connections;
    private final Function<AgreementId, Optional<ControllerId>> controllerOf;
    /** Instruction id → the agreements that registered it; null until first read. */
    private volatile Map<String, Set<String>> owners;

    public InstructionDirectory(ConnectionProvider connections,
                                Function<AgreementId, Optional<ControllerId>> controllerOf) {
        this.connections = connections;
        this.controllerOf = controllerOf;
    }

    @Override
    public void record(InstructionRegistered registered) {
        try (Connection connection = connections.getConnection()) {
            if (connection.getAutoCommit() || !CurrentUnitOfWork.isStarted()) {
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
        CurrentUnitOfWork.get().root().afterCommit(u -> committed(registered));
    }

    /** Under the monitor that guards the first read: a registration committed during it is not lost. */
    private synchronized void committed(InstructionRegistered registered) {
        if (owners != null) {
            remember(owners, registered.instructionId(), registered.agreementId().value());
        }
    }

    @Override
    public Set<String> ofOtherAgreements(AgreementId agreementId, Collection<String> instructionIds) {
        Map<String, Set<String>> known = owners();
        Set<String> found = new HashSet<>();
        for (String id : instructionIds) {
            Set<String> agreements = known.get(id);
            if (agreements != null && agreements.stream().anyMatch(other -> !other.equals(agreementId.value())
                    && sameController(agreementId, AgreementId.of(other)))) {
                found.add(id);
            }
        }
        return found;
    }

    /**
     * Each practice numbers its own tickets: an id another practice registered says nothing
     * about this one's instructions, and must not reveal to its auditors that it exists.
     */
    private boolean sameController(AgreementId one, AgreementId other) {
        Optional<ControllerId> controller = controllerOf.apply(one);
        return controller.isPresent() && controller.equals(controllerOf.apply(other));
    }

    private static void remember(Map<String, Set<String>> owners, String instructionId, String agreementId) {
        owners.computeIfAbsent(instructionId, id -> ConcurrentHashMap.newKeySet()).add(agreementId);
    }

    private Map<String, Set<String>> owners() {
        Map<String, Set<String>> loaded = owners;
        if (loaded == null) {
            synchronized (this) {
                if (owners == null) {
                    owners = read();
                }
                loaded = owners;
            }
        }
        return loaded;
    }

    private Map<String, Set<String>> read() {
        Map<String, Set<String>> read = new ConcurrentHashMap<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT instruction_id, agreement_id FROM instruction_register");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                remember(read, rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the instruction register", e);
        }
        return read;
    }
}
