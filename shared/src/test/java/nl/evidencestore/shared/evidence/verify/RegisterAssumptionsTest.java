package nl.evidencestore.shared.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.event.employee.EmployeeRevoked;
import nl.evidencestore.shared.model.EmployeeId;
import org.junit.jupiter.api.Test;

/** Answers assumed on the one pass are confirmed only when the register the streams record gives each of them. */
class RegisterAssumptionsTest {
    private static final Instant MORNING = Instant.parse("2026-03-10T08:00:00Z");
    private static final Instant NOON = Instant.parse("2026-03-10T11:00:00Z");
    private static final Instant EVENING = Instant.parse("2026-03-10T17:00:00Z");

    @Test
    void confirmsAnAnswerTheRegisterGivesAndNoOther() {
        EmployeeHistory registered = history(new EmployeeHistory.Recorded(MORNING.minusSeconds(3600), registered("e-1")));
        assertThat(assumptions(true, MORNING, NOON).confirmedBy(registered)).isTrue();
        assertThat(assumptions(false, MORNING).confirmedBy(registered)).isFalse();
        assertThat(assumptions(false, MORNING).confirmedBy(new EmployeeHistory())).isTrue();
        assertThat(assumptions(true, MORNING).confirmedBy(new EmployeeHistory())).isFalse();
    }

    @Test
    void takesTheRegisterAsRecordedByEachAccess() {
        // Registered at noon for that day: an access recorded before knew nothing of it, one after did.
        EmployeeHistory atNoon = history(new EmployeeHistory.Recorded(NOON, registered("e-1")));
        RegisterAssumptions both = new RegisterAssumptions();
        ask(both, false, MORNING);
        ask(both, true, EVENING);
        assertThat(both.confirmedBy(atNoon)).isTrue();
        assertThat(assumptions(true, MORNING).confirmedBy(atNoon)).isFalse();
    }

    @Test
    void leavesToASecondReadingAnAnswerThatMayHaveChangedBetweenAccessesItJoins() {
        EmployeeHistory revokedAtNoon = history(new EmployeeHistory.Recorded(MORNING.minusSeconds(86_400), registered("e-1")),
                new EmployeeHistory.Recorded(NOON, new EmployeeRevoked(EmployeeId.of("e-1"), LocalDate.of(2026, 3, 9))));
        assertThat(assumptions(true, MORNING, EVENING).confirmedBy(revokedAtNoon)).isFalse();
        RegisterAssumptions undecided = assumptions(true, MORNING);
        undecided.undecided();
        assertThat(undecided.confirmedBy(history(new EmployeeHistory.Recorded(MORNING.minusSeconds(3600), registered("e-1")))))
                .isFalse();
    }

    @Test
    void confirmsAccessesThatNeverAskedTheRegister() {
        RegisterAssumptions none = new RegisterAssumptions();
        none.assume(false);
        none.held(NOON);
        assertThat(none.consulted()).isFalse();
        assertThat(none.confirmedBy(new EmployeeHistory())).isTrue();
    }

    /** Accesses of e-1 on one day, each recorded (and occurred) at one of {@code recorded}, all assuming {@code answer}. */
    private static RegisterAssumptions assumptions(boolean answer, Instant... recorded) {
        RegisterAssumptions assumptions = new RegisterAssumptions();
        for (Instant at : recorded) {
            ask(assumptions, answer, at);
        }
        return assumptions;
    }

    private static void ask(RegisterAssumptions assumptions, boolean answer, Instant at) {
        assertThat(assumptions.assume(answer).registeredAt("e-1", at)).isEqualTo(answer);
        assertThat(assumptions.consulted()).isTrue();
        assumptions.held(at);
    }

    private static EmployeeHistory history(EmployeeHistory.Recorded... events) {
        EmployeeHistory history = new EmployeeHistory();
        for (EmployeeHistory.Recorded event : events) {
            history.add(event.recordedAt(), event.event());
        }
        return history;
    }

    private static EmployeeRegistered registered(String id) {
        return new EmployeeRegistered(EmployeeId.of(id), "Employee " + id, LocalDate.of(2026, 3, 1));
    }
}
