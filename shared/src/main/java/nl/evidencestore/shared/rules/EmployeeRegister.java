package nl.evidencestore.shared.rules;

import java.time.Instant;

/**
 * Art. 2.3: whether a person under the processor's authority was registered, bound to
 * confidentiality, at an instant. The command side answers from state consistent with the
 * append; the verifier from the register's own stream in the bundle.
 */
@FunctionalInterface
public interface EmployeeRegister {
    boolean registeredAt(String employeeId, Instant instant);
}
