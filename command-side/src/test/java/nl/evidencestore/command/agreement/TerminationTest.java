package nl.evidencestore.command.agreement;

import static nl.evidencestore.command.agreement.AgreementTestData.AGREEMENT;
import static nl.evidencestore.command.agreement.AgreementTestData.CONTROLLER_SIGNED;
import static nl.evidencestore.command.agreement.LifecycleTestData.DUE;
import static nl.evidencestore.command.agreement.LifecycleTestData.EARLY;
import static nl.evidencestore.command.agreement.LifecycleTestData.EFFECTIVE;
import static nl.evidencestore.command.agreement.LifecycleTestData.TERMINATED;
import static nl.evidencestore.command.agreement.LifecycleTestData.inForce;
import static nl.evidencestore.command.agreement.LifecycleTestData.inForceWith;
import static nl.evidencestore.command.agreement.LifecycleTestData.location;
import static nl.evidencestore.command.agreement.LifecycleTestData.opened;
import static nl.evidencestore.command.agreement.LifecycleTestData.terminate;
import static nl.evidencestore.command.agreement.LifecycleTestData.terminated;

import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.agreement.DeletionObligationFulfilled;
import nl.evidencestore.shared.event.agreement.DeletionObligationOpened;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.ValidTime;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Art. 11.2: the agreement ends once, and its end opens the deletion obligation. */
class TerminationTest {
    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
    }

    @Test
    @DisplayName("termination ends the agreement and opens a deletion obligation due 30 days later, with a deadline (Art. 11.2)")
    void terminationOpensTheDeletionObligation() {
        fixture.givenCurrentTime(EARLY)
                .andGiven(inForceWith(location("workstation-1"), location("backup-1")))
                .when(terminate())
                .expectEvents(terminated(), opened("workstation-1", "backup-1"))
                .expectScheduledDeadline(DUE, new DeletionDeadlines.ObligationDue(DUE));
    }

    @Test
    @DisplayName("the deletion period is a setting: with 14 days, deletion is due 14 days after the end (Art. 11.2)")
    void theDeletionPeriodIsConfigurable() {
        fixture.registerInjectableResource(new DeletionPeriod(14));
        fixture.givenCurrentTime(EARLY)
                .andGiven(inForceWith(location("workstation-1")))
                .when(terminate())
                .expectEvents(terminated(), new DeletionObligationOpened(AGREEMENT,
                        ValidTime.startOf(TERMINATED.plusDays(14)), List.of("workstation-1")))
                .expectScheduledDeadlineWithName(ValidTime.startOf(TERMINATED.plusDays(14)), DeletionDeadlines.OBLIGATION_DUE);
    }

    @Test
    @DisplayName("without data locations the obligation is fulfilled when it opens (Art. 11.2)")
    void withoutLocationsTheObligationIsFulfilledAtOnce() {
        fixture.givenCurrentTime(EARLY)
                .andGiven(inForce())
                .when(terminate())
                .expectEvents(terminated(), opened(), new DeletionObligationFulfilled(AGREEMENT, TERMINATED));
    }

    @Test
    @DisplayName("an agreement is terminated once (Art. 11.2)")
    void refusesASecondTermination() {
        fixture.given(inForceWith(terminated(), opened()))
                .when(new TerminateAgreement(AGREEMENT, TERMINATED.plusDays(1), "again"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the agreement has been terminated already; it ends once")
                .expectNoEvents();
    }

    @Test
    @DisplayName("an agreement that never took effect, or an end on or before its first day, is refused (Art. 11.2)")
    void refusesAnEndBeforeTheBeginning() {
        fixture.given(AgreementTestData.drafted())
                .when(terminate())
                .expectException(RuleViolation.class);
        fixture.given(inForce())
                .when(new TerminateAgreement(AGREEMENT, EFFECTIVE, "never mind"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("terminatedOn must be after the day the agreement took effect");
    }

    @Test
    @DisplayName("a terminated agreement can no longer be signed (Art. 11.2)")
    void refusesASignatureAfterTheEnd() {
        fixture.given(AgreementTestData.drafted(), AgreementTestData.signed(Party.PROCESSOR, LocalDate.of(2026, 3, 5), null),
                        terminated())
                .when(AgreementTestData.sign(Party.CONTROLLER, CONTROLLER_SIGNED, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
