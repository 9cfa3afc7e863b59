package nl.evidencestore.command.employee;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.EmployeeId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 2.3 — end an employee's registration; from {@code revokedOn} on they may no longer touch personal data. */
public record RevokeEmployee(@TargetAggregateIdentifier EmployeeId employeeId, LocalDate revokedOn)
        implements IdempotentCommand {
    public RevokeEmployee {
        Token.required(employeeId, "employeeId");
        Token.required(revokedOn, "revokedOn");
    }

    /** The natural key: employee and date (api.md, Idempotency). */
    @Override
    public String idempotencyKey() {
        return "employee-revocation:" + employeeId.value() + ":" + revokedOn;
    }
}
