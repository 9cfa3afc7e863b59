package nl.evidencestore.command.agreement;

import static nl.evidencestore.command.agreement.AgreementTestData.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.command.access.AccessPolicy;
import nl.evidencestore.command.access.InstructionOwnersInMemory;
import nl.evidencestore.command.access.RecordAccesses;
import nl.evidencestore.command.access.ReportedAccess;
import nl.evidencestore.command.subject.SealsInMemory;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.rules.EmployeeRegister;
import nl.evidencestore.shared.rules.ReferenceData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The aggregate records every access with its verdict; violations are evidence, never refused. */
class RecordAccessesTest {
    private static final Instant OCCURRED = Instant.parse("2026-04-15T10:00:00Z");
    private static final Actor EMPLOYEE = new Actor("emp-1", ActorKind.EMPLOYEE, null);

    private static final SealsInMemory SEALS = new SealsInMemory();

    private AggregateTestFixture<Agreement> fixture;
    private boolean employeeRegistered = true;
    private final InstructionOwnersInMemory instructions = new InstructionOwnersInMemory();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerInjectableResource((EmployeeRegister) (id, at) -> employeeRegistered);
        fixture.registerInjectableResource(new AccessPolicy(Duration.ofHours(24)));
        fixture.registerInjectableResource(SEALS);
        fixture.registerInjectableResource(instructions);
    }

    private static ReportedAccess access(String id, String purpose, String... categories) {
        return new ReportedAccess(id, AGREEMENT, EMPLOYEE, Purpose.of(purpose), "ticket-1",
                java.util.Arrays.stream(categories).map(DataCategory::of).toList(), "subject-1", Country.of("NL"),
                "remote-support", OCCURRED);
    }

    private static AccessRecorded recorded(ReportedAccess a, Verdict verdict, boolean late) {
        return new AccessRecorded(AGREEMENT, a.accessId(), a.actor(), a.purpose(), a.instructionRef(), a.categories(),
                SEALS.sealOf(draft().controller().id(), a.subjectRef()), a.country(), a.system(), a.occurredAt(), verdict, false, late, ReferenceData.VERSION);
    }

    @Test
    @DisplayName("an access within the agreement is recorded compliant")
    void recordsACompliantAccess() {
        ReportedAccess access = access("acc-1", "REMOTE_SUPPORT", "SURNAME");
        fixture.given(drafted(), signed(Party.CONTROLLER, CONTROLLER_SIGNED, null),
                        signed(Party.PROCESSOR, PROCESSOR_SIGNED, null), new AgreementTookEffect(AGREEMENT, PROCESSOR_SIGNED))
                .andGivenCurrentTime(OCCURRED.plusSeconds(60))
                .when(new RecordAccesses(AGREEMENT, List.of(access)))
                .expectEvents(recorded(access, Verdict.of(List.of()), false));
    }

    @Test
    @DisplayName("an access by an unregistered employee, for another purpose, is recorded as violating Art. 2.3 and 1.3")
    void recordsViolationsInsteadOfRefusing() {
        employeeRegistered = false;
        ReportedAccess access = access("acc-2", "MARKETING", "SURNAME");
        fixture.given(drafted(), new AgreementTookEffect(AGREEMENT, PROCESSOR_SIGNED))
                .andGivenCurrentTime(OCCURRED.plusSeconds(60))
                .when(new RecordAccesses(AGREEMENT, List.of(access)))
                .expectEvents(recorded(access, Verdict.of(List.of(
                        new Violation("1.3", "purpose MARKETING is not allowed by the agreement at that moment"),
                        new Violation("2.3", "the employee was not registered as bound to confidentiality at that moment"))), false));
    }

    @Test
    @DisplayName("an access before the agreement took effect violates Art. 11.1, and one reported days later is marked late")
    void judgesByThePastAndMarksLateArrivals() {
        ReportedAccess access = access("acc-3", "REMOTE_SUPPORT", "SURNAME");
        fixture.given(drafted(), new AgreementTookEffect(AGREEMENT, java.time.LocalDate.of(2026, 5, 1)))
                .andGivenCurrentTime(OCCURRED.plus(Duration.ofDays(3)))
                .when(new RecordAccesses(AGREEMENT, List.of(access)))
                .expectEvents(recorded(access, Verdict.of(List.of(
                        new Violation("11.1", "the agreement was not yet in force"))), true));
    }

    private static InstructionRegistered ticket1Of(AgreementId agreementId) {
        return new InstructionRegistered(agreementId, "ticket-1", "SUPPORT_TICKET", LocalDate.of(2026, 4, 1), null,
                List.of(Purpose.of("REMOTE_SUPPORT")), List.of(DataCategory.of("SURNAME")));
    }

    @Test
    @DisplayName("Art. 1.1: an access citing an instruction registered only for another agreement is a violation that names no other agreement")
    void art11InstructionOfAnotherAgreementIsAViolation() {
        instructions.with(ticket1Of(AgreementId.of("agr-other-practice")));
        ReportedAccess access = access("acc-4", "REMOTE_SUPPORT", "SURNAME");
        AccessRecorded expected = recorded(access, Verdict.of(List.of(
                new Violation("1.1", "the cited instruction belongs to another agreement"))), false);
        fixture.given(drafted(), new AgreementTookEffect(AGREEMENT, PROCESSOR_SIGNED))
                .andGivenCurrentTime(OCCURRED.plusSeconds(60))
                .when(new RecordAccesses(AGREEMENT, List.of(access)))
                .expectEvents(new AccessRecorded(expected.agreementId(), expected.accessId(), expected.actor(),
                        expected.purpose(), expected.instructionRef(), expected.categories(), expected.subject(),
                        expected.country(), expected.system(), expected.occurredAt(), expected.verdict(), false, false,
                        expected.referenceData(), true));
    }

    @Test
    @DisplayName("Art. 1.1: an instruction this agreement registered is its own, whoever else registered the same id; no one is asked")
    void art11OwnInstructionIsNotAnotherAgreements() {
        instructions.with(ticket1Of(AgreementId.of("agr-other-practice")));
        ReportedAccess access = access("acc-5", "REMOTE_SUPPORT", "SURNAME");
        AccessRecorded compliant = recorded(access, Verdict.of(List.of()), false);
        fixture.given(drafted(), new AgreementTookEffect(AGREEMENT, PROCESSOR_SIGNED), ticket1Of(AGREEMENT))
                .andGivenCurrentTime(OCCURRED.plusSeconds(60))
                .when(new RecordAccesses(AGREEMENT, List.of(access)))
                .expectEvents(new AccessRecorded(compliant.agreementId(), compliant.accessId(), compliant.actor(),
                        compliant.purpose(), compliant.instructionRef(), compliant.categories(), compliant.subject(),
                        compliant.country(), compliant.system(), compliant.occurredAt(), compliant.verdict(), true, false,
                        compliant.referenceData()));
        org.assertj.core.api.Assertions.assertThat(instructions.asked()).isEmpty();
    }

    @Test
    @DisplayName("Art. 1.1: an instruction no agreement registered stays an unverified reference, not a violation")
    void art11UnregisteredEverywhereIsUnverifiedOnly() {
        ReportedAccess access = access("acc-6", "REMOTE_SUPPORT", "SURNAME");
        fixture.given(drafted(), new AgreementTookEffect(AGREEMENT, PROCESSOR_SIGNED))
                .andGivenCurrentTime(OCCURRED.plusSeconds(60))
                .when(new RecordAccesses(AGREEMENT, List.of(access)))
                .expectEvents(recorded(access, Verdict.of(List.of()), false));
        org.assertj.core.api.Assertions.assertThat(instructions.asked()).containsExactly(List.of("ticket-1"));
    }

    @Test
    @DisplayName("Art. 1.1: an access citing no instruction is a violation of its own, and asks no one about other agreements")
    void art11NoInstructionCited() {
        ReportedAccess cited = access("acc-7", "REMOTE_SUPPORT", "SURNAME");
        ReportedAccess access = new ReportedAccess(cited.accessId(), AGREEMENT, EMPLOYEE, cited.purpose(), null,
                cited.categories(), cited.subjectRef(), cited.country(), cited.system(), cited.occurredAt());
        fixture.given(drafted(), new AgreementTookEffect(AGREEMENT, PROCESSOR_SIGNED))
                .andGivenCurrentTime(OCCURRED.plusSeconds(60))
                .when(new RecordAccesses(AGREEMENT, List.of(access)))
                .expectEvents(recorded(access, Verdict.of(List.of(
                        new Violation("1.1", "no instruction of the controller was cited"))), false));
        org.assertj.core.api.Assertions.assertThat(instructions.asked()).isEmpty();
    }
}
