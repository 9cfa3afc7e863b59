package nl.evidencestore.shared.rules;

import java.time.Instant;
import java.util.Collection;

/**
 * Art. 2.3: whether a person under the processor's authority was registered, bound to
 * confidentiality, at an instant. The command side answers from state consistent with the
 * append; the verifier from the register's own stream in the bundle.
 */
@FunctionalInterface
public interface EmployeeRegister {
    boolean registeredAt(String employeeId, Instant instant);

    /**
     * The register for a batch: a register backed by a database looks all these employees up at
     * once, so that judging a batch of accesses costs one query, not one per access. Others
     * answer as they are.
     */
    default EmployeeRegister forEmployees(Collection<String> employeeIds) {
        return this;
    }
}
