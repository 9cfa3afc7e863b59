package nl.evidencestore.command.employee;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.command.time.StoreTime;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.employee.EmployeeEvent;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.event.employee.EmployeeRevoked;
import nl.evidencestore.shared.model.EmployeeId;
import nl.evidencestore.shared.rules.RegisterPeriod;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One person under the processor's authority (Art. 2.3): registered periods, each from a
 * confirmation of the confidentiality duty up to a revocation. A revoked employee may be
 * registered again, from the day of the last revocation on; periods never overlap.
 *
 * <p>Both handlers create the employee if missing, so that a revocation of someone never
 * registered is refused by the rule, with its article, rather than as an unknown aggregate.
 */
public class Employee {
    @AggregateIdentifier
    private EmployeeId employeeId;
    private final List<RegisterPeriod> periods = new ArrayList<>();

    Employee() {
        // for Axon: created by the first registration, rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterEmployee command, EmployeeRoster roster) {
        Optional<RegisterPeriod> last = last();
        if (last.isPresent() && last.get().open()) {
            throw new RuleViolation("2.3", "the employee is registered already; a revocation ends a registration first");
        }
        if (last.isPresent() && command.confidentialitySignedOn().isBefore(last.get().revokedOn())) {
            throw new RuleViolation("2.3", "a new registration cannot start before the last revocation");
        }
        StoreTime.notInFuture(command.confidentialitySignedOn(), "confidentialitySignedOn");
        record(new EmployeeRegistered(command.employeeId(), command.name(), command.confidentialitySignedOn()), roster);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RevokeEmployee command, EmployeeRoster roster) {
        RegisterPeriod open = last().filter(RegisterPeriod::open).orElseThrow(() -> new RuleViolation("2.3",
                periods.isEmpty() ? "the employee was never registered" : "the employee's registration was revoked already"));
        if (command.revokedOn().isBefore(open.registeredOn())) {
            throw new RuleViolation("2.3", "a revocation cannot precede the registration it ends");
        }
        record(new EmployeeRevoked(command.employeeId(), command.revokedOn()), roster);
    }

    /** The register row first: it takes the employee's lock before the event is stored and gets its position. */
    private static void record(EmployeeEvent event, EmployeeRoster roster) {
        roster.record(event);
        apply(event);
    }

    private Optional<RegisterPeriod> last() {
        return periods.isEmpty() ? Optional.empty() : Optional.of(periods.get(periods.size() - 1));
    }

    @EventSourcingHandler
    void on(EmployeeRegistered event) {
        employeeId = event.employeeId();
        periods.add(new RegisterPeriod(event.confidentialitySignedOn(), null));
    }

    @EventSourcingHandler
    void on(EmployeeRevoked event) {
        periods.set(periods.size() - 1, periods.get(periods.size() - 1).revokedOn(event.revokedOn()));
    }
}
