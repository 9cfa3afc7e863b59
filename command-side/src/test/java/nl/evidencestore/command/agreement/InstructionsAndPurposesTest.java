package nl.evidencestore.command.agreement;

import static nl.evidencestore.command.agreement.AgreementTestData.AGREEMENT;
import static nl.evidencestore.command.agreement.LifecycleTestData.inForce;
import static nl.evidencestore.command.agreement.LifecycleTestData.inForceWith;
import static nl.evidencestore.command.agreement.LifecycleTestData.terminated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.command.access.InstructionOwnersInMemory;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.event.agreement.PurposeAdded;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Art. 1.1 – 1.3: the controller's instructions, and the purposes it adds. */
class InstructionsAndPurposesTest {
    private static final Purpose TRAINING = Purpose.of("STAFF_TRAINING");
    private static final LocalDate ISSUED = LocalDate.of(2026, 4, 1);

    private AggregateTestFixture<Agreement> fixture;

    private final InstructionOwnersInMemory owners = new InstructionOwnersInMemory();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerInjectableResource(owners);
    }

    private static RegisterInstruction instruction(String id, LocalDate issuedOn) {
        return new RegisterInstruction(AGREEMENT, id, "SUPPORT_TICKET", issuedOn, issuedOn.plusDays(14),
                List.of(Purpose.of("REMOTE_SUPPORT")), List.of(DataCategory.of("SURNAME")));
    }

    private static InstructionRegistered registered(String id, LocalDate issuedOn) {
        return new InstructionRegistered(AGREEMENT, id, "SUPPORT_TICKET", issuedOn, issuedOn.plusDays(14),
                List.of(Purpose.of("REMOTE_SUPPORT")), List.of(DataCategory.of("SURNAME")));
    }

    @Test
    @DisplayName("an instruction of the controller is registered with its purposes and categories (Art. 1.1)")
    void registersAnInstruction() {
        fixture.given(inForce()).when(instruction("ticket-1", ISSUED)).expectEvents(registered("ticket-1", ISSUED));
    }

    @Test
    @DisplayName("Art. 1.1: a registered instruction is told to the owners' register, so other agreements' accesses citing it see it")
    void art11RegistrationIsToldToTheOwners() {
        fixture.given(inForce()).when(instruction("ticket-1", ISSUED)).expectEvents(registered("ticket-1", ISSUED));
        assertThat(owners.registered()).containsExactly(registered("ticket-1", ISSUED));
    }

    @Test
    @DisplayName("an instructionId registered before is refused (Art. 1.1), and the owners' register is not told twice")
    void refusesAnInstructionIdTwice() {
        fixture.given(inForceWith(registered("ticket-1", ISSUED)))
                .when(instruction("ticket-1", ISSUED.plusDays(1)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        assertThat(owners.registered()).isEmpty();
    }

    @Test
    @DisplayName("an instruction issued on or after the end of the agreement is refused (Art. 11.2)")
    void refusesAnInstructionAfterTheEnd() {
        fixture.given(inForceWith(terminated()))
                .when(instruction("ticket-2", LifecycleTestData.TERMINATED))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("an instruction valid until before it was issued is malformed")
    void refusesAnInstructionThatEndsBeforeItBegins() {
        assertThatThrownBy(() -> new RegisterInstruction(AGREEMENT, "ticket-3", "SUPPORT_TICKET", ISSUED,
                ISSUED.minusDays(1), List.of(Purpose.of("REMOTE_SUPPORT")), List.of(DataCategory.of("SURNAME"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validUntil must not be before issuedOn");
    }

    @Test
    @DisplayName("the controller's further consent adds a purpose (Art. 1.2)")
    void addsAPurpose() {
        fixture.given(inForce())
                .when(new AddPurpose(AGREEMENT, TRAINING, "consent-2026-07", ISSUED))
                .expectEvents(new PurposeAdded(AGREEMENT, TRAINING, "consent-2026-07", ISSUED));
    }

    @Test
    @DisplayName("a purpose the agreement allows already on that date is refused (Art. 1.2)")
    void refusesAPurposeAllowedAlready() {
        fixture.given(inForce())
                .when(new AddPurpose(AGREEMENT, Purpose.of("REMOTE_SUPPORT"), "consent-x", ISSUED))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the agreement allows this purpose on grantedOn already")
                .expectNoEvents();
    }

    @Test
    @DisplayName("a purpose added again later is refused, one added again before the first is not (Art. 1.2)")
    void judgesAnAddedPurposeByItsDate() {
        fixture.given(inForceWith(new PurposeAdded(AGREEMENT, TRAINING, "consent-1", ISSUED)))
                .when(new AddPurpose(AGREEMENT, TRAINING, "consent-2", ISSUED.plusDays(1)))
                .expectException(RuleViolation.class);
        fixture.given(inForceWith(new PurposeAdded(AGREEMENT, TRAINING, "consent-1", ISSUED)))
                .when(new AddPurpose(AGREEMENT, TRAINING, "consent-0", ISSUED.minusDays(1)))
                .expectEvents(new PurposeAdded(AGREEMENT, TRAINING, "consent-0", ISSUED.minusDays(1)));
    }

    @Test
    @DisplayName("a purpose added from the day the agreement ended is refused (Art. 11.2)")
    void refusesAPurposeAfterTheEnd() {
        fixture.given(inForceWith(terminated()))
                .when(new AddPurpose(AGREEMENT, TRAINING, "consent-late", LifecycleTestData.TERMINATED.plusDays(3)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("grantedOn is on or after the day the agreement ended; nothing takes effect under it then")
                .expectNoEvents();
    }
}
