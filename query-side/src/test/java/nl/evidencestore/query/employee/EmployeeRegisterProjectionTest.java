package nl.evidencestore.query.employee;

import static nl.evidencestore.query.Fixtures.forwarded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.event.employee.EmployeeRevoked;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.EmployeeId;
import org.junit.jupiter.api.Test;

class EmployeeRegisterProjectionTest {
    private static final EmployeeId ANNA = EmployeeId.of("emp-anna");
    private static final Instant RECORDED = Instant.parse("2026-03-02T08:00:00Z");

    private final EmployeeRegisterProjection projection = new EmployeeRegisterProjection();

    private static ForwardedEvent registered(String eventId, long sequence, LocalDate on) {
        return forwarded(eventId, sequence, 100 + sequence, RECORDED, new EmployeeRegistered(ANNA, "Anna de Boer", on));
    }

    @Test
    void showsEveryPeriodAndWhetherTheEmployeeWasRegisteredAtTheInstantAsked() {
        projection.on(registered("ev-1", 1, LocalDate.of(2026, 3, 2)));
        projection.on(forwarded("ev-2", 2, 102, RECORDED, new EmployeeRevoked(ANNA, LocalDate.of(2026, 6, 1))));
        projection.on(registered("ev-3", 3, LocalDate.of(2026, 9, 1)));

        EmployeeEntry inSummer = projection.asOf(Instant.parse("2026-07-01T10:00:00Z")).get(0);
        EmployeeEntry inSpring = projection.asOf(Instant.parse("2026-04-01T10:00:00Z")).get(0);

        assertThat(inSummer.registered()).isFalse();
        assertThat(inSpring.registered()).isTrue();
        assertThat(inSummer.name()).isEqualTo("Anna de Boer");
        assertThat(inSummer.periods()).containsExactly(
                new EmployeeEntry.Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 6, 1)),
                new EmployeeEntry.Period(LocalDate.of(2026, 9, 1), null));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        projection.on(registered("ev-1", 1, LocalDate.of(2026, 3, 2)));
        projection.on(registered("ev-1", 1, LocalDate.of(2026, 3, 2)));

        assertThat(projection.asOf(Instant.parse("2026-04-01T10:00:00Z")).get(0).periods()).hasSize(1);
    }
}
