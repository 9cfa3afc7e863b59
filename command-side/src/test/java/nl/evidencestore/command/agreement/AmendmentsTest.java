package nl.evidencestore.command.agreement;

import static nl.evidencestore.command.agreement.AgreementTestData.AGREEMENT;
import static nl.evidencestore.command.agreement.LifecycleTestData.inForce;
import static nl.evidencestore.command.agreement.LifecycleTestData.inForceWith;
import static nl.evidencestore.command.agreement.LifecycleTestData.location;
import static nl.evidencestore.command.agreement.LifecycleTestData.propose;
import static nl.evidencestore.command.agreement.LifecycleTestData.proposed;
import static nl.evidencestore.command.agreement.LifecycleTestData.terminated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.agreement.AgreementTerminated;
import nl.evidencestore.shared.event.agreement.AmendmentObjected;
import nl.evidencestore.shared.event.agreement.DeletionObligationOpened;
import nl.evidencestore.shared.model.AmendmentChanges;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.SubProcessor;
import nl.evidencestore.shared.model.ValidTime;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Art. 11.3: amendments with a month's notice, and the other party's objection. */
class AmendmentsTest {
    private static final LocalDate NOTICE = LocalDate.of(2026, 5, 15);
    private static final LocalDate A_MONTH_LATER = LocalDate.of(2026, 6, 15);
    private static final AmendmentChanges ADD_BSN = new AmendmentChanges(List.of(DataCategory.of("BSN")),
            null, null, null, null, null);

    /** After an objection ten days into the notice month, before any deadline it sets. */
    private static final Instant THE_DAY_AFTER_THE_OBJECTION = Instant.parse("2026-05-26T09:00:00Z");

    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
    }

    @Test
    @DisplayName("an amendment with a month's notice is recorded with its changes (Art. 11.3)")
    void recordsAnAmendmentWithAMonthsNotice() {
        fixture.given(inForce())
                .when(propose("am-1", Party.PROCESSOR, NOTICE, A_MONTH_LATER, ADD_BSN))
                .expectEvents(proposed("am-1", Party.PROCESSOR, NOTICE, A_MONTH_LATER, ADD_BSN));
    }

    @Test
    @DisplayName("an amendment with less than a month's notice is refused (Art. 11.3)")
    void refusesAnAmendmentWithLessThanAMonthsNotice() {
        fixture.given(inForce())
                .when(propose("am-1", Party.PROCESSOR, NOTICE, A_MONTH_LATER.minusDays(1), ADD_BSN))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("an amendment takes effect at least one month after its notice is given")
                .expectNoEvents();
    }

    @Test
    @DisplayName("notice of an amendment dated after the day it is recorded is refused (Art. 11.3)")
    void art11_3RefusesANoticeDatedInTheFuture() {
        fixture.givenCurrentTime(Instant.parse("2026-05-13T09:00:00Z"))
                .andGiven(inForce())
                .when(propose("am-1", Party.PROCESSOR, NOTICE, A_MONTH_LATER, ADD_BSN))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("noticeGivenOn lies in the future")
                .expectNoEvents();
    }

    @Test
    @DisplayName("a month's notice counts calendar months: 31 January gives notice until 28 February (Art. 11.3)")
    void countsCalendarMonths() {
        LocalDate notice = LocalDate.of(2027, 1, 31);
        fixture.givenCurrentTime(Instant.parse("2027-02-01T09:00:00Z"))
                .andGiven(inForce())
                .when(propose("am-2", Party.CONTROLLER, notice, LocalDate.of(2027, 2, 28), ADD_BSN))
                .expectEvents(proposed("am-2", Party.CONTROLLER, notice, LocalDate.of(2027, 2, 28), ADD_BSN));
    }

    @Test
    @DisplayName("an amendment to an agreement not yet in force is refused (Art. 11.3)")
    void refusesAnAmendmentOfADraft() {
        fixture.given(AgreementTestData.drafted())
                .when(propose("am-1", Party.PROCESSOR, NOTICE, A_MONTH_LATER, ADD_BSN))
                .expectException(RuleViolation.class);
    }

    @Test
    @DisplayName("an amendment that would take effect after the agreement ended is refused (Art. 11.2)")
    void refusesAnAmendmentAfterTheEnd() {
        fixture.given(inForceWith(terminated()))
                .when(propose("am-1", Party.PROCESSOR, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 1), ADD_BSN))
                .expectException(RuleViolation.class);
    }

    @Test
    @DisplayName("an amendment removing an unknown sub-processor, or adding another under a known id, is refused (Art. 11.3, 3.1)")
    void refusesIncoherentSubProcessorChanges() {
        fixture.given(inForce())
                .when(propose("am-1", Party.PROCESSOR, NOTICE, A_MONTH_LATER,
                        new AmendmentChanges(null, null, null, null, null, List.of("sp-nowhere"))))
                .expectException(RuleViolation.class);
        fixture.given(inForce())
                .when(propose("am-1", Party.PROCESSOR, NOTICE, A_MONTH_LATER, new AmendmentChanges(null, null, null, null,
                        List.of(new SubProcessor("sp-hosting", "Someone Else B.V.", "BE", "hosting")), null)))
                .expectException(RuleViolation.class);
    }

    @Test
    @DisplayName("the other party objects to an amendment (Art. 11.3)")
    void recordsAnObjectionOfTheOtherParty() {
        fixture.given(inForceWith(proposed("am-1", Party.PROCESSOR, NOTICE, A_MONTH_LATER, ADD_BSN)))
                .when(new ObjectToAmendment(AGREEMENT, "am-1", Party.CONTROLLER, NOTICE.plusDays(3), false))
                .expectEvents(new AmendmentObjected(AGREEMENT, "am-1", Party.CONTROLLER, NOTICE.plusDays(3), false));
    }

    @Test
    @DisplayName("an objection dated after the day it is recorded is refused (Art. 11.3)")
    void art11_3RefusesAnObjectionDatedInTheFuture() {
        fixture.givenCurrentTime(Instant.parse("2026-05-17T09:00:00Z"))
                .andGiven(inForceWith(proposed("am-1", Party.PROCESSOR, NOTICE, A_MONTH_LATER, ADD_BSN)))
                .when(new ObjectToAmendment(AGREEMENT, "am-1", Party.CONTROLLER, NOTICE.plusDays(3), false))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("objectedOn lies in the future")
                .expectNoEvents();
    }

    @Test
    @DisplayName("an objection recorded after the amendment's effective date, dated before it, is recorded (Art. 11.3)")
    void art11_3RecordsAnObjectionRecordedAfterTheEffectiveDate() {
        fixture.givenCurrentTime(ValidTime.startOf(A_MONTH_LATER.plusDays(10)))
                .andGiven(inForceWith(proposed("am-1", Party.PROCESSOR, NOTICE, A_MONTH_LATER, ADD_BSN)))
                .when(new ObjectToAmendment(AGREEMENT, "am-1", Party.CONTROLLER, NOTICE.plusDays(3), false))
                .expectEvents(new AmendmentObjected(AGREEMENT, "am-1", Party.CONTROLLER, NOTICE.plusDays(3), false));
    }

    @Test
    @DisplayName("the proposer cannot object to its own amendment (Art. 11.3)")
    void refusesAnObjectionOfTheProposer() {
        fixture.given(inForceWith(proposed("am-1", Party.PROCESSOR, NOTICE, A_MONTH_LATER, ADD_BSN)))
                .when(new ObjectToAmendment(AGREEMENT, "am-1", Party.PROCESSOR, NOTICE.plusDays(3), false))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("only the party that did not propose the amendment can object to it")
                .expectNoEvents();
    }

    @Test
    @DisplayName("an objection to an unknown amendment, on or after its effective date, or a second one is refused (Art. 11.3)")
    void refusesObjectionsThatCannotBe() {
        fixture.given(inForce())
                .when(new ObjectToAmendment(AGREEMENT, "am-x", Party.CONTROLLER, NOTICE, false))
                .expectException(RuleViolation.class);
        fixture.given(inForceWith(proposed("am-1", Party.PROCESSOR, NOTICE, A_MONTH_LATER, ADD_BSN)))
                .when(new ObjectToAmendment(AGREEMENT, "am-1", Party.CONTROLLER, A_MONTH_LATER, false))
                .expectException(RuleViolation.class);
        fixture.given(inForceWith(proposed("am-1", Party.PROCESSOR, NOTICE, A_MONTH_LATER, ADD_BSN),
                        new AmendmentObjected(AGREEMENT, "am-1", Party.CONTROLLER, NOTICE, false)))
                .when(new ObjectToAmendment(AGREEMENT, "am-1", Party.CONTROLLER, NOTICE.plusDays(1), true))
                .expectException(RuleViolation.class);
    }

    @Test
    @DisplayName("an objection that terminates ends the agreement when the notice month ends, and opens the deletion obligation (Art. 11.3, 11.2)")
    void anObjectionThatTerminatesEndsTheAgreementAtTheEndOfTheNoticeMonth() {
        LocalDate end = NOTICE.plusMonths(1);
        fixture.givenCurrentTime(THE_DAY_AFTER_THE_OBJECTION)
                .andGiven(inForceWith(location("workstation-1"),
                        proposed("am-1", Party.PROCESSOR, NOTICE, LocalDate.of(2026, 8, 1), ADD_BSN)))
                .when(new ObjectToAmendment(AGREEMENT, "am-1", Party.CONTROLLER, NOTICE.plusDays(10), true))
                .expectEvents(new AmendmentObjected(AGREEMENT, "am-1", Party.CONTROLLER, NOTICE.plusDays(10), true),
                        new AgreementTerminated(AGREEMENT, end, "the CONTROLLER objected to amendment am-1 and ended "
                                + "the agreement at the end of the notice month (Art. 11.3)"),
                        new DeletionObligationOpened(AGREEMENT, ValidTime.startOf(end.plusDays(30)), List.of("workstation-1")))
                .expectScheduledDeadline(ValidTime.startOf(end.plusDays(30)),
                        new DeletionDeadlines.ObligationDue(ValidTime.startOf(end.plusDays(30))));
    }

    @Test
    @DisplayName("ending the agreement over an amendment after the notice month, or once it ended, is refused (Art. 11.3, 11.2)")
    void refusesATerminatingObjectionTooLate() {
        fixture.given(inForceWith(proposed("am-1", Party.PROCESSOR, NOTICE, LocalDate.of(2026, 8, 1), ADD_BSN)))
                .when(new ObjectToAmendment(AGREEMENT, "am-1", Party.CONTROLLER, NOTICE.plusMonths(1), true))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a party can end the agreement over an amendment only within the notice month");
        fixture.given(inForceWith(proposed("am-1", Party.PROCESSOR, NOTICE, LocalDate.of(2026, 8, 1), ADD_BSN),
                        new AgreementTerminated(AGREEMENT, LocalDate.of(2026, 6, 1), "ended")))
                .when(new ObjectToAmendment(AGREEMENT, "am-1", Party.CONTROLLER, NOTICE.plusDays(1), true))
                .expectException(RuleViolation.class);
    }
}
