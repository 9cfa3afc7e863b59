package nl.evidencestore.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.event.employee.EmployeeRevoked;
import nl.evidencestore.shared.model.EmployeeId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Art. 2.3 from the register's own events, as the verifier reads them; days start at 00:00 Amsterdam. */
class RegisteredEmployeesTest {
    private static final EmployeeId ANNA = EmployeeId.of("emp-anna");
    private final RegisteredEmployees register = new RegisteredEmployees();

    @Test
    @DisplayName("Art. 2.3: registered from 00:00 Amsterdam on the day the confidentiality duty was confirmed")
    void art2_3HoldsFromTheDayOfTheConfirmation() {
        register.apply(new EmployeeRegistered(ANNA, "Anna de Boer", LocalDate.of(2026, 3, 2)));

        assertThat(register.registeredAt("emp-anna", Instant.parse("2026-03-01T22:59:59Z"))).isFalse();
        assertThat(register.registeredAt("emp-anna", Instant.parse("2026-03-01T23:00:00Z"))).isTrue();
        assertThat(register.registeredAt("emp-nobody", Instant.parse("2026-03-10T12:00:00Z"))).isFalse();
    }

    @Test
    @DisplayName("Art. 2.3: not registered from the day of revocation, and again after a new registration")
    void art2_3EndsOnTheDayOfRevocationAndResumesOnReRegistration() {
        register.apply(new EmployeeRegistered(ANNA, "Anna de Boer", LocalDate.of(2026, 3, 2)));
        register.apply(new EmployeeRevoked(ANNA, LocalDate.of(2026, 6, 1)));
        register.apply(new EmployeeRegistered(ANNA, "Anna de Boer", LocalDate.of(2026, 9, 1)));

        assertThat(register.registeredAt("emp-anna", Instant.parse("2026-05-31T21:59:59Z"))).isTrue();
        assertThat(register.registeredAt("emp-anna", Instant.parse("2026-05-31T22:00:00Z"))).isFalse();
        assertThat(register.registeredAt("emp-anna", Instant.parse("2026-08-15T12:00:00Z"))).isFalse();
        assertThat(register.registeredAt("emp-anna", Instant.parse("2026-09-01T12:00:00Z"))).isTrue();
        assertThat(register.periodsOf("emp-anna")).containsExactly(
                new RegisterPeriod(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 6, 1)),
                new RegisterPeriod(LocalDate.of(2026, 9, 1), null));
    }
}
