package nl.evidencestore.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.evidencestore.shared.event.agreement.AmendmentObjected;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.event.employee.EmployeeRevoked;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.EmployeeId;
import nl.evidencestore.shared.model.Party;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Art. 2.3 and bitemporal verdicts: a register fact dated back reaches the employee's accesses under every agreement. */
class BackDatedFactsTest {
    private static final AgreementId NOORD = AgreementId.of("agr-noord");
    private static final AgreementId ZUID = AgreementId.of("agr-zuid");
    private static final EmployeeId ANNA = EmployeeId.of("emp-anna");
    private static final Instant RECORDED = Instant.parse("2026-04-20T09:00:00Z");

    private final RecordingCommandBus bus = new RecordingCommandBus();
    private BackDatedFacts facts;

    @BeforeEach
    void setUp() {
        Map<String, List<AgreementId>> actedUnder = Map.of(ANNA.value(), List.of(NOORD, ZUID));
        facts = new BackDatedFacts(DefaultCommandGateway.builder().commandBus(bus).build(),
                employeeId -> actedUnder.getOrDefault(employeeId, List.of()));
    }

    private List<Object> sent() {
        return bus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast).toList();
    }

    @Test
    @DisplayName("Art. 2.3: a registration dated back reassesses, from 00:00 Amsterdam that day, every agreement the employee acted under")
    void aBackDatedRegistrationReassessesEveryAgreement() {
        facts.on(new EmployeeRegistered(ANNA, "Anna de Boer", LocalDate.of(2026, 4, 1)), "event-1", RECORDED);
        Instant from = Instant.parse("2026-03-31T22:00:00Z");
        assertThat(sent()).containsExactly(new ReassessVerdicts(NOORD, "event-1", from),
                new ReassessVerdicts(ZUID, "event-1", from));
    }

    @Test
    @DisplayName("Art. 2.3: a revocation dated back reassesses from the day it holds")
    void aBackDatedRevocationReassessesFromRevokedOn() {
        facts.on(new EmployeeRevoked(ANNA, LocalDate.of(2026, 4, 10)), "event-2", RECORDED);
        Instant from = Instant.parse("2026-04-09T22:00:00Z");
        assertThat(sent()).containsExactly(new ReassessVerdicts(NOORD, "event-2", from),
                new ReassessVerdicts(ZUID, "event-2", from));
    }

    @Test
    @DisplayName("a register fact that holds only from after it was recorded, or an employee who accessed nothing, reassesses nothing")
    void aFactFromTheFutureOrWithoutAccessesReassessesNothing() {
        facts.on(new EmployeeRevoked(ANNA, LocalDate.of(2026, 4, 21)), "event-3", RECORDED);
        facts.on(new EmployeeRegistered(EmployeeId.of("emp-new"), "New Hire", LocalDate.of(2026, 4, 1)), "event-4",
                RECORDED);
        assertThat(sent()).isEmpty();
    }

    @Test
    @DisplayName("Art. 11.3: an objection recorded after the amendment's effective date reassesses the agreement's accesses from the day it is dated")
    void art11_3AnObjectionRecordedLateReassessesTheAgreement() {
        facts.on(new AmendmentObjected(NOORD, "am-1", Party.CONTROLLER, LocalDate.of(2026, 4, 10), false), "event-5",
                RECORDED);
        assertThat(sent()).containsExactly(new ReassessVerdicts(NOORD, "event-5", Instant.parse("2026-04-09T22:00:00Z")));
    }
}
