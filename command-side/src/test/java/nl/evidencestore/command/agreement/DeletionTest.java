package nl.evidencestore.command.agreement;

import static nl.evidencestore.command.agreement.AgreementTestData.AGREEMENT;
import static nl.evidencestore.command.agreement.LifecycleTestData.DUE;
import static nl.evidencestore.command.agreement.LifecycleTestData.EARLY;
import static nl.evidencestore.command.agreement.LifecycleTestData.TERMINATED;
import static nl.evidencestore.command.agreement.LifecycleTestData.delete;
import static nl.evidencestore.command.agreement.LifecycleTestData.deleted;
import static nl.evidencestore.command.agreement.LifecycleTestData.held;
import static nl.evidencestore.command.agreement.LifecycleTestData.hold;
import static nl.evidencestore.command.agreement.LifecycleTestData.inForceWith;
import static nl.evidencestore.command.agreement.LifecycleTestData.location;
import static nl.evidencestore.command.agreement.LifecycleTestData.opened;
import static nl.evidencestore.command.agreement.LifecycleTestData.registerLocation;
import static nl.evidencestore.command.agreement.LifecycleTestData.terminate;
import static nl.evidencestore.command.agreement.LifecycleTestData.terminated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.agreement.DeletionObligationFulfilled;
import nl.evidencestore.shared.event.agreement.DeletionOverdue;
import nl.evidencestore.shared.terms.DataLocations;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Art. 11.2: after the end every data location is closed by a deletion or a retention hold by the
 * due date, or the store says it is overdue; a hold's end makes deletion due again.
 */
class DeletionTest {
    private static final LocalDate DELETED_ON = LocalDate.of(2026, 9, 10);
    /** When the deletion of {@link #DELETED_ON} is confirmed. */
    private static final Instant CONFIRMED = Instant.parse("2026-09-10T09:00:00Z");
    private static final LocalDate HELD_UNTIL = LocalDate.of(2036, 9, 1);
    private static final Instant HOLD_ENDS = DataLocations.holdEnds(HELD_UNTIL);

    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
    }

    @Test
    @DisplayName("deleting at the last open location fulfils the obligation (Art. 11.2)")
    void theLastDeletionFulfilsTheObligation() {
        fixture.given(inForceWith(location("workstation-1"), location("backup-1"), terminated(),
                        opened("workstation-1", "backup-1"), deleted("workstation-1", DELETED_ON)))
                .when(delete("backup-1", DELETED_ON.plusDays(2)))
                .expectEvents(deleted("backup-1", DELETED_ON.plusDays(2)),
                        new DeletionObligationFulfilled(AGREEMENT, DELETED_ON.plusDays(2)));
    }

    @Test
    @DisplayName("a deletion while another location is open does not fulfil the obligation (Art. 11.2)")
    void aDeletionWithALocationStillOpenLeavesTheObligationOpen() {
        fixture.given(inForceWith(location("workstation-1"), location("backup-1"), terminated(),
                        opened("workstation-1", "backup-1")))
                .when(delete("backup-1", DELETED_ON))
                .expectEvents(deleted("backup-1", DELETED_ON));
    }

    @Test
    @DisplayName("a deletion dated after the day it is confirmed is refused, and the location stays open (Art. 11.2)")
    void art11_2RefusesADeletionDatedInTheFuture() {
        fixture.givenCurrentTime(CONFIRMED)
                .andGiven(inForceWith(location("workstation-1"), terminated(), opened("workstation-1")))
                .when(delete("workstation-1", LocalDate.of(2026, 12, 1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("deletedOn lies in the future")
                .expectNoEvents();
    }

    @Test
    @DisplayName("a deletion dated the day it is confirmed, in Amsterdam, closes the location (Art. 11.2)")
    void art11_2ADeletionDatedTodayInAmsterdamIsRecorded() {
        // 23:30 UTC on 9 September is 10 September in Amsterdam.
        fixture.givenCurrentTime(Instant.parse("2026-09-09T23:30:00Z"))
                .andGiven(inForceWith(location("workstation-1"), terminated(), opened("workstation-1")))
                .when(delete("workstation-1", DELETED_ON))
                .expectEvents(deleted("workstation-1", DELETED_ON), new DeletionObligationFulfilled(AGREEMENT, DELETED_ON));
    }

    @Test
    @DisplayName("a deletion at an unregistered location, or a second one at the same location, is refused (Art. 11.2)")
    void refusesDeletionsThatCannotBe() {
        fixture.given(inForceWith(location("workstation-1")))
                .when(delete("server-9", DELETED_ON))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("no data location with this locationId is registered for this agreement")
                .expectNoEvents();
        fixture.given(inForceWith(location("workstation-1"), deleted("workstation-1", DELETED_ON)))
                .when(delete("workstation-1", DELETED_ON.plusDays(1)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a data location is registered, also after the end; a locationId registered before is refused (Art. 11.2)")
    void registersDataLocations() {
        fixture.given(inForceWith(location("workstation-1")))
                .when(registerLocation("backup-1"))
                .expectEvents(location("backup-1"));
        fixture.given(inForceWith(location("workstation-1")))
                .when(registerLocation("workstation-1"))
                .expectException(RuleViolation.class);
    }

    @Test
    @DisplayName("at the deadline the store raises DeletionOverdue with the locations still open (Art. 11.2)")
    void theDeadlineRaisesDeletionOverdue() {
        fixture.givenCurrentTime(CONFIRMED)
                .andGiven(inForceWith(location("workstation-1"), location("backup-1")))
                .andGivenCommands(terminate(), delete("workstation-1", DELETED_ON))
                .whenTimeAdvancesTo(DUE)
                .expectEvents(new DeletionOverdue(AGREEMENT, DUE, List.of("backup-1")));
    }

    @Test
    @DisplayName("at the deadline nothing is raised when every location was closed in time (Art. 11.2)")
    void theDeadlineIsQuietWhenEverythingWasClosed() {
        fixture.givenCurrentTime(CONFIRMED)
                .andGiven(inForceWith(location("workstation-1")))
                .andGivenCommands(terminate(), delete("workstation-1", DELETED_ON))
                .whenTimeAdvancesTo(DUE)
                .expectNoEvents()
                .expectDeadlinesMet(new DeletionDeadlines.ObligationDue(DUE));
    }

    @Test
    @DisplayName("a location registered after the end joins the open obligation and is overdue at its deadline (Art. 11.2)")
    void aLocationRegisteredAfterTheEndJoinsTheObligation() {
        fixture.givenCurrentTime(CONFIRMED)
                .andGiven(inForceWith(location("workstation-1")))
                .andGivenCommands(terminate(), delete("workstation-1", DELETED_ON), registerLocation("usb-stick-3"))
                .whenTimeAdvancesTo(DUE)
                .expectEvents(new DeletionOverdue(AGREEMENT, DUE, List.of("usb-stick-3")));
    }

    @Test
    @DisplayName("a location registered after the obligation fell due is overdue at once (Art. 11.2)")
    void aLocationRegisteredAfterTheDueDateIsOverdueAtOnce() {
        fixture.givenCurrentTime(DUE.plusSeconds(3600))
                .andGiven(inForceWith(terminated(), opened(), new DeletionObligationFulfilled(AGREEMENT, TERMINATED)))
                .when(registerLocation("usb-stick-3"))
                .expectEvents(location("usb-stick-3"), new DeletionOverdue(AGREEMENT, DUE, List.of("usb-stick-3")));
    }

    @Test
    @DisplayName("a termination recorded after its deletion period has passed is overdue at once for the open locations (Art. 11.2)")
    void aLateTerminationIsOverdueAtOnce() {
        fixture.givenCurrentTime(DUE.plusSeconds(86_400))
                .andGiven(inForceWith(location("workstation-1")))
                .when(terminate())
                .expectEvents(terminated(), opened("workstation-1"),
                        new DeletionOverdue(AGREEMENT, DUE, List.of("workstation-1")))
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("a retention hold closes its location, and its end is a deadline of its own (Art. 11.2)")
    void aRetentionHoldClosesItsLocation() {
        fixture.givenCurrentTime(EARLY)
                .andGiven(inForceWith(location("archive-1"), location("workstation-1"), terminated(),
                        opened("archive-1", "workstation-1"), deleted("workstation-1", DELETED_ON)))
                .when(hold("archive-1", HELD_UNTIL))
                .expectEvents(held("archive-1", HELD_UNTIL), new DeletionObligationFulfilled(AGREEMENT, DELETED_ON))
                .expectScheduledDeadline(HOLD_ENDS, new DeletionDeadlines.HoldEnds("archive-1", HELD_UNTIL));
    }

    @Test
    @DisplayName("a hold that ends before deletion is due closes nothing (Art. 11.2)")
    void aShortHoldClosesNothing() {
        fixture.givenCurrentTime(EARLY)
                .andGiven(inForceWith(location("archive-1"), terminated(), opened("archive-1")))
                .when(hold("archive-1", TERMINATED.plusDays(5)))
                .expectEvents(held("archive-1", TERMINATED.plusDays(5)))
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("when a hold ends without a deletion, deletion is overdue and the obligation reopens until it is done (Art. 11.2)")
    void theEndOfAHoldMakesDeletionDue() {
        fixture.givenCurrentTime(EARLY)
                .andGiven(inForceWith(location("archive-1")))
                .andGivenCommands(hold("archive-1", HELD_UNTIL), terminate())
                .whenTimeAdvancesTo(HOLD_ENDS)
                .expectEvents(new DeletionOverdue(AGREEMENT, HOLD_ENDS, List.of("archive-1")));
        fixture.givenCurrentTime(HOLD_ENDS.plusSeconds(3600))
                .andGiven(inForceWith(location("archive-1"), held("archive-1", HELD_UNTIL), terminated(),
                        opened("archive-1"), new DeletionObligationFulfilled(AGREEMENT, TERMINATED),
                        new DeletionOverdue(AGREEMENT, HOLD_ENDS, List.of("archive-1"))))
                .when(delete("archive-1", HELD_UNTIL.plusDays(1)))
                .expectEvents(deleted("archive-1", HELD_UNTIL.plusDays(1)),
                        new DeletionObligationFulfilled(AGREEMENT, HELD_UNTIL.plusDays(1)));
    }

    @Test
    @DisplayName("a hold deleted before its end raises nothing when it ends (Art. 11.2)")
    void aHoldDeletedBeforeItsEndRaisesNothing() {
        fixture.givenCurrentTime(CONFIRMED)
                .andGiven(inForceWith(location("archive-1")))
                .andGivenCommands(terminate(), hold("archive-1", HELD_UNTIL), delete("archive-1", DELETED_ON))
                .whenTimeAdvancesTo(HOLD_ENDS)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a hold at an unregistered location, or where the data was deleted, is refused (Art. 11.2)")
    void refusesHoldsThatCannotBe() {
        fixture.given(inForceWith(location("archive-1")))
                .when(hold("server-9", HELD_UNTIL))
                .expectException(RuleViolation.class);
        fixture.given(inForceWith(location("archive-1"), deleted("archive-1", DELETED_ON)))
                .when(hold("archive-1", HELD_UNTIL))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the data at this location was deleted already; there is nothing to hold");
    }

    @Test
    @DisplayName("a hold placed while the agreement runs closes its location when the agreement ends (Art. 11.2)")
    void aHoldPlacedBeforeTheEndCounts() {
        fixture.givenCurrentTime(EARLY)
                .andGiven(inForceWith(location("archive-1"), held("archive-1", HELD_UNTIL)))
                .when(terminate())
                .expectEvents(terminated(), opened("archive-1"), new DeletionObligationFulfilled(AGREEMENT, TERMINATED))
                .expectScheduledDeadline(HOLD_ENDS, new DeletionDeadlines.HoldEnds("archive-1", HELD_UNTIL));
    }

}
