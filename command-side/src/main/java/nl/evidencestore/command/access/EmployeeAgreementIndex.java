package nl.evidencestore.command.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * {@link EmployeeAgreements} as the table {@code employee_agreement}. It watches the events as
 * they are published, apart from the access path's own code, and writes each new pair of
 * employee and agreement in the transaction that appends the access, before it commits.
 *
 * <p>Why that is enough for back-dated facts: an access that read the register before an
 * employee's event holds the employee's shared lock to its commit ({@code EmployeeDirectory}),
 * so its row is committed before that event is, and the reassessment that follows the event
 * finds it; an access judged after the event already saw it.
 *
 * <p>Pairs known to be stored are remembered, so that the steady state costs no statement.
 */
public final class EmployeeAgreementIndex implements EmployeeAgreements, MessageDispatchInterceptor<EventMessage<?>> {
    private static final String PENDING = EmployeeAgreementIndex.class.getName() + ".pending";
    /** Pairs held in memory before the memory starts over (about 100 bytes each). */
    private static final int REMEMBERED = 100_000;

    private final ConnectionProvider connections;
    private final Set<Pair> stored = ConcurrentHashMap.newKeySet();

    private record Pair(String employeeId, String agreementId) {
    }

    public EmployeeAgreementIndex(ConnectionProvider connections) {
        this.connections = connections;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (CurrentUnitOfWork.isStarted()) {
            for (EventMessage<?> message : messages) {
                if (message.getPayload() instanceof AccessRecorded access && access.actor().kind() == ActorKind.EMPLOYEE) {
                    Pair pair = new Pair(access.actor().id(), access.agreementId().value());
                    if (!stored.contains(pair)) {
                        pending(CurrentUnitOfWork.get().root()).add(pair);
                    }
                }
            }
        }
        return (index, message) -> message;
    }

    /** This transaction's new pairs, written when it prepares to commit and remembered once it has. */
    private Set<Pair> pending(UnitOfWork<?> root) {
        return root.getOrComputeResource(PENDING, key -> {
            Set<Pair> pairs = new LinkedHashSet<>();
            root.onPrepareCommit(u -> write(pairs));
            root.afterCommit(u -> remember(pairs));
            return pairs;
        });
    }

    private void write(Set<Pair> pairs) {
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO employee_agreement"
                     + " (employee_id, agreement_id) SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT DO NOTHING")) {
            insert.setArray(1, connection.createArrayOf("text", pairs.stream().map(Pair::employeeId).toArray()));
            insert.setArray(2, connection.createArrayOf("text", pairs.stream().map(Pair::agreementId).toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the employees' agreements", e);
        }
    }

    private void remember(Set<Pair> pairs) {
        if (stored.size() + pairs.size() > REMEMBERED) {
            stored.clear();
        }
        stored.addAll(pairs);
    }

    @Override
    public List<AgreementId> actedUnder(String employeeId) {
        List<AgreementId> agreements = new ArrayList<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT agreement_id FROM employee_agreement"
                     + " WHERE employee_id = ? ORDER BY agreement_id COLLATE \"C\"")) {
            select.setString(1, employeeId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    agreements.add(AgreementId.of(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the employees' agreements", e);
        }
        return agreements;
    }
}
