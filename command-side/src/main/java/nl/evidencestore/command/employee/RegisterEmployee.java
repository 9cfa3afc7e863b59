package nl.evidencestore.command.employee;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.EmployeeId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 2.3 — register an employee who confirmed that the confidentiality duty of Art. 8 binds them. */
public record RegisterEmployee(@TargetAggregateIdentifier EmployeeId employeeId, String name,
                               LocalDate confidentialitySignedOn) implements IdempotentCommand {
    public RegisterEmployee {
        Token.required(employeeId, "employeeId");
        Token.text(name, "name", 200);
        Token.required(confidentialitySignedOn, "confidentialitySignedOn");
    }

    /** One registration per confirmation: after a revocation the same employee may be registered anew. */
    @Override
    public String idempotencyKey() {
        return "employee:" + employeeId.value() + ":" + confidentialitySignedOn;
    }
}
