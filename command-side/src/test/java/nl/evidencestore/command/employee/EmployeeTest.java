package nl.evidencestore.command.employee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.employee.EmployeeEvent;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.event.employee.EmployeeRevoked;
import nl.evidencestore.shared.model.EmployeeId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmployeeTest {
    private static final EmployeeId ANNA = EmployeeId.of("emp-anna");
    private static final String NAME = "Anna de Boer";
    private static final LocalDate SIGNED = LocalDate.of(2026, 3, 2);
    private static final LocalDate REVOKED = LocalDate.of(2026, 6, 1);

    private final List<EmployeeEvent> roster = new ArrayList<>();
    private AggregateTestFixture<Employee> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Employee.class);
        fixture.registerInjectableResource((EmployeeRoster) roster::add);
    }

    private static EmployeeRegistered registered(LocalDate on) {
        return new EmployeeRegistered(ANNA, NAME, on);
    }

    @Test
    @DisplayName("Art. 2.3: an employee is registered with the confirmation of confidentiality, in the register too")
    void art2_3RegistersAnEmployeeBoundToConfidentiality() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEmployee(ANNA, NAME, SIGNED))
                .expectEvents(registered(SIGNED));
        assertThat(roster).containsExactly(registered(SIGNED));
    }

    @Test
    @DisplayName("Art. 2.3: a confirmation of confidentiality dated after the day it is recorded is refused")
    void art2_3RefusesAConfirmationDatedInTheFuture() {
        fixture.givenCurrentTime(SIGNED.minusDays(3).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .when(new RegisterEmployee(ANNA, NAME, SIGNED))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("confidentialitySignedOn lies in the future")
                .expectNoEvents();
        assertThat(roster).isEmpty();
    }

    @Test
    @DisplayName("Art. 2.3: a registered employee is not registered twice")
    void art2_3RefusesASecondRegistrationWhileRegistered() {
        fixture.given(registered(SIGNED))
                .when(new RegisterEmployee(ANNA, NAME, SIGNED.plusDays(7)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        assertThat(roster).isEmpty();
    }

    @Test
    @DisplayName("Art. 2.3: a revoked employee may be registered again, from the revocation on")
    void art2_3RegistersARevokedEmployeeAgain() {
        fixture.given(registered(SIGNED), new EmployeeRevoked(ANNA, REVOKED))
                .when(new RegisterEmployee(ANNA, NAME, REVOKED))
                .expectEvents(registered(REVOKED));
    }

    @Test
    @DisplayName("Art. 2.3: a new registration does not reach back before the last revocation")
    void art2_3RefusesARegistrationThatOverlapsTheRevokedPeriod() {
        fixture.given(registered(SIGNED), new EmployeeRevoked(ANNA, REVOKED))
                .when(new RegisterEmployee(ANNA, NAME, REVOKED.minusDays(1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a new registration cannot start before the last revocation")
                .expectNoEvents();
    }

    @Test
    @DisplayName("Art. 2.3: a registration is revoked from a date on, in the register too")
    void art2_3RevokesARegistration() {
        fixture.given(registered(SIGNED))
                .when(new RevokeEmployee(ANNA, REVOKED))
                .expectEvents(new EmployeeRevoked(ANNA, REVOKED));
        assertThat(roster).containsExactly(new EmployeeRevoked(ANNA, REVOKED));
    }

    @Test
    @DisplayName("Art. 2.3: revoking someone never registered is refused")
    void art2_3RefusesTheRevocationOfSomeoneNeverRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RevokeEmployee(ANNA, REVOKED))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the employee was never registered")
                .expectNoEvents();
        assertThat(roster).isEmpty();
    }

    @Test
    @DisplayName("Art. 2.3: a revocation dated before the registration is refused")
    void art2_3RefusesARevocationBeforeTheRegistration() {
        fixture.given(registered(SIGNED))
                .when(new RevokeEmployee(ANNA, SIGNED.minusDays(1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a revocation cannot precede the registration it ends")
                .expectNoEvents();
    }

    @Test
    @DisplayName("Art. 2.3: a revoked registration is not revoked again")
    void art2_3RefusesASecondRevocation() {
        fixture.given(registered(SIGNED), new EmployeeRevoked(ANNA, REVOKED))
                .when(new RevokeEmployee(ANNA, REVOKED.plusDays(1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the employee's registration was revoked already")
                .expectNoEvents();
    }

    @Test
    void aRegistrationNeedsTheDateOfTheConfirmation() {
        assertThatThrownBy(() -> new RegisterEmployee(ANNA, NAME, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidentialitySignedOn is required");
    }

    @Test
    void theIdempotencyKeysAreTheNaturalKeys() {
        assertThat(new RegisterEmployee(ANNA, NAME, SIGNED).idempotencyKey()).isEqualTo("employee:emp-anna:2026-03-02");
        assertThat(new RevokeEmployee(ANNA, REVOKED).idempotencyKey()).isEqualTo("employee-revocation:emp-anna:2026-06-01");
    }
}
