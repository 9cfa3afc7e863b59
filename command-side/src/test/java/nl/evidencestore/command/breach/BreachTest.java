package nl.evidencestore.command.breach;

import static nl.evidencestore.command.breach.BreachTestData.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.breach.BreachAuthorityNotificationOverdue;
import nl.evidencestore.shared.event.breach.BreachClosed;
import nl.evidencestore.shared.event.breach.BreachConfirmed;
import nl.evidencestore.shared.event.breach.BreachDismissed;
import nl.evidencestore.shared.model.BreachStatus;
import nl.evidencestore.shared.model.NotificationRecipient;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BreachTest {
    private AggregateTestFixture<Breach> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Breach.class);
        fixture.registerInjectableResource(NotificationLimits.STANDARD);
        fixture.registerInjectableResource(KNOWN);
    }

    @Nested
    @DisplayName("Art. 6.2: a suspicion is reported too, and is later confirmed or dismissed")
    class Art6_2 {
        @Test
        void aSuspicionIsReportedWithAControllerDeadlinePerAgreementAndOneForTheAuthority() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(1)))
                    .when(suspicion())
                    .expectEvents(reported(BreachStatus.SUSPECTED))
                    .expectScheduledDeadline(Duration.ofHours(23), new ControllerNotificationDue(NOORD, CONTROLLER_DUE))
                    .expectScheduledDeadline(Duration.ofHours(23), new ControllerNotificationDue(ZUID, CONTROLLER_DUE))
                    .expectScheduledDeadline(Duration.ofHours(71), new AuthorityNotificationDue(AUTHORITY_DUE));
        }

        @Test
        void aSuspicionIsConfirmed() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofDays(2))).andGiven(reported(BreachStatus.SUSPECTED))
                    .when(confirm())
                    .expectEvents(new BreachConfirmed(BREACH, NEXT_DAY, confirm().note()));
        }

        @Test
        void aConfirmedBreachCannotBeConfirmedOrDismissedAgain() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofDays(2))).andGiven(reported(BreachStatus.CONFIRMED))
                    .when(dismiss())
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("only a suspected breach is dismissed; this one is CONFIRMED")
                    .expectNoEvents();
        }

        @Test
        void aDismissalStopsTheClocksThatHaveNotPassed() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(1))).andGivenCommands(suspicion())
                    .when(new DismissBreach(BREACH, DISCOVERED_DAY, "false alarm"))
                    .expectEvents(new BreachDismissed(BREACH, DISCOVERED_DAY, "false alarm", List.of(NOORD, ZUID), true))
                    .expectNoScheduledDeadlines();
        }

        @Test
        @DisplayName("a dismissal at exactly the deadline stops the clocks: the due instant is still in time (Art. 6_1)")
        void aDismissalAtExactlyTheDeadlineStopsTheClocks() {
            fixture.givenCurrentTime(CONTROLLER_DUE).andGiven(reported(BreachStatus.SUSPECTED))
                    .when(dismiss())
                    .expectEvents(new BreachDismissed(BREACH, NEXT_DAY, dismiss().note(), List.of(NOORD, ZUID), true));
        }

        @Test
        void aDismissedBreachRaisesNoOverdueFacts() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(1)))
                    .andGivenCommands(suspicion(), new DismissBreach(BREACH, DISCOVERED_DAY, "false alarm"))
                    .whenTimeElapses(Duration.ofDays(4))
                    .expectNoEvents();
        }

        @Test
        void whatWasLateBeforeTheDismissalStaysOnTheRecord() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(30)))
                    .andGiven(reported(BreachStatus.SUSPECTED), controllerOverdue(NOORD))
                    .when(dismiss())
                    // ZUID's overdue was due but not raised yet (the store was down at the deadline): raised now.
                    .expectEvents(controllerOverdue(ZUID),
                            new BreachDismissed(BREACH, NEXT_DAY, dismiss().note(), List.of(), true));
        }

        @Test
        void aSuspicionIsNotClosedBeforeItIsConfirmed() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofDays(2))).andGiven(reported(BreachStatus.SUSPECTED))
                    .when(close())
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void aConfirmedBreachIsClosedWithASummary() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofDays(2))).andGiven(reported(BreachStatus.CONFIRMED))
                    .when(close())
                    .expectEvents(new BreachClosed(BREACH, NEXT_DAY, close().note()));
        }
    }

    @Nested
    @DisplayName("Art. 6.1: each controller is notified immediately; the authority within 72 hours")
    class Art6_1 {
        @Test
        void aNotificationWithinTheLimitIsInTimeAndEndsThatAgreementsClockOnly() {
            NotifyBreach inTime = notifyController("n-noord", NOORD, DISCOVERED.plus(Duration.ofHours(2)));
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(3))).andGivenCommands(suspicion())
                    .when(inTime)
                    .expectEvents(notified(inTime, CONTROLLER_DUE, false, List.of()))
                    .expectNoScheduledDeadline(Duration.ofHours(21), new ControllerNotificationDue(NOORD, CONTROLLER_DUE))
                    .expectScheduledDeadline(Duration.ofHours(21), new ControllerNotificationDue(ZUID, CONTROLLER_DUE));
        }

        @Test
        void aNotificationAfterTheLimitIsLateAndRecordsTheViolation() {
            NotifyBreach late = notifyController("n-zuid", ZUID, DISCOVERED.plus(Duration.ofHours(27)));
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(28))).andGiven(reported(BreachStatus.SUSPECTED))
                    .when(late)
                    .expectEvents(notified(late, CONTROLLER_DUE, true, List.of(BreachNotifications.CONTROLLER_LATE)));
        }

        @Test
        void theStoreRaisesAnOverdueFactPerAgreementWhenTheLimitPasses() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(1))).andGivenCommands(suspicion())
                    .whenTimeElapses(Duration.ofHours(24))
                    .expectEvents(controllerOverdue(NOORD), controllerOverdue(ZUID))
                    .expectDeadlinesMet(new ControllerNotificationDue(NOORD, CONTROLLER_DUE),
                            new ControllerNotificationDue(ZUID, CONTROLLER_DUE));
        }

        @Test
        void onlyTheAgreementWhoseControllerWasNotNotifiedBecomesOverdue() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(1)))
                    .andGivenCommands(suspicion(), notifyController("n-noord", NOORD, DISCOVERED.plus(Duration.ofMinutes(30))))
                    .whenTimeElapses(Duration.ofHours(24))
                    .expectEvents(controllerOverdue(ZUID));
        }

        @Test
        @DisplayName("GDPR Art. 33: the authority's notification is overdue after 72 hours")
        void theAuthorityNotificationBecomesOverdueAfter72Hours() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(1)))
                    .andGivenCommands(suspicion(),
                            notifyController("n-noord", NOORD, DISCOVERED.plus(Duration.ofHours(1))),
                            notifyController("n-zuid", ZUID, DISCOVERED.plus(Duration.ofHours(1))))
                    .whenTimeElapses(Duration.ofHours(72))
                    .expectEvents(new BreachAuthorityNotificationOverdue(BREACH, AUTHORITY_DUE,
                            BreachNotifications.AUTHORITY_NOT_NOTIFIED));
        }

        @Test
        void anAuthorityNotificationInTimeMeetsTheAuthorityDeadline() {
            NotifyBreach authority = notification("n-ap", NotificationRecipient.AUTHORITY, null, DISCOVERED.plus(Duration.ofHours(48)));
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(49))).andGivenCommands(suspicion())
                    .when(authority)
                    .expectEvents(notified(authority, AUTHORITY_DUE, false, List.of()))
                    .expectNoScheduledDeadline(Duration.ofHours(23), new AuthorityNotificationDue(AUTHORITY_DUE));
        }

        @Test
        @DisplayName("a follow-up notification after an on-time one does not violate Art. 6_1")
        void aFollowUpAfterAnOnTimeNotificationIsNotLate() {
            NotifyBreach onTime = notifyController("n-noord", NOORD, DISCOVERED.plus(Duration.ofHours(2)));
            NotifyBreach followUp = notifyController("n-noord-update", NOORD, DISCOVERED.plus(Duration.ofHours(30)));
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(31)))
                    .andGiven(reported(BreachStatus.SUSPECTED), notified(onTime, CONTROLLER_DUE, false, List.of()))
                    .when(followUp)
                    .expectEvents(notified(followUp, CONTROLLER_DUE, false, List.of()));
        }

        @Test
        @DisplayName("a late notification violates Art. 6_1 once: its follow-up adds no second violation")
        void aFollowUpAfterALateNotificationIsNotASecondViolation() {
            NotifyBreach late = notifyController("n-zuid", ZUID, DISCOVERED.plus(Duration.ofHours(27)));
            NotifyBreach followUp = notifyController("n-zuid-update", ZUID, DISCOVERED.plus(Duration.ofHours(40)));
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(41)))
                    .andGiven(reported(BreachStatus.SUSPECTED), controllerOverdue(ZUID),
                            notified(late, CONTROLLER_DUE, true, List.of(BreachNotifications.CONTROLLER_LATE)))
                    .when(followUp)
                    .expectEvents(notified(followUp, CONTROLLER_DUE, false, List.of()));
        }

        @Test
        @DisplayName("a late notification recorded after another but made before it is the one that violates Art. 6_1")
        void aBackDatedLateNotificationIsJudgedAsTheOneThatMetTheDeadline() {
            NotifyBreach recordedFirst = notifyController("n-zuid-2", ZUID, DISCOVERED.plus(Duration.ofHours(40)));
            NotifyBreach madeFirst = notifyController("n-zuid-1", ZUID, DISCOVERED.plus(Duration.ofHours(27)));
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(41)))
                    .andGiven(reported(BreachStatus.SUSPECTED), controllerOverdue(ZUID),
                            notified(recordedFirst, CONTROLLER_DUE, true, List.of(BreachNotifications.CONTROLLER_LATE)))
                    .when(madeFirst)
                    .expectEvents(notified(madeFirst, CONTROLLER_DUE, true, List.of(BreachNotifications.CONTROLLER_LATE)));
        }

        @Test
        @DisplayName("GDPR Art. 33: a follow-up to the authority after an on-time notification does not violate Art. 6_1")
        void aFollowUpToTheAuthorityAfterAnOnTimeNotificationIsNotLate() {
            NotifyBreach onTime = notification("n-ap", NotificationRecipient.AUTHORITY, null, DISCOVERED.plus(Duration.ofHours(48)));
            NotifyBreach followUp = notification("n-ap-update", NotificationRecipient.AUTHORITY, null,
                    DISCOVERED.plus(Duration.ofHours(96)));
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(97)))
                    .andGiven(reported(BreachStatus.CONFIRMED), controllerOverdue(NOORD), controllerOverdue(ZUID),
                            notified(onTime, AUTHORITY_DUE, false, List.of()))
                    .when(followUp)
                    .expectEvents(notified(followUp, AUTHORITY_DUE, false, List.of()));
        }

        @Test
        @DisplayName("Art. 6_1: a breach reported at exactly its controllers' deadline is not overdue yet")
        void aBreachReportedAtExactlyTheDeadlineIsNotOverdueYet() {
            fixture.givenCurrentTime(CONTROLLER_DUE)
                    .when(suspicion())
                    .expectEvents(reported(BreachStatus.SUSPECTED))
                    .expectScheduledDeadline(Duration.ZERO, new ControllerNotificationDue(NOORD, CONTROLLER_DUE))
                    .expectScheduledDeadline(Duration.ZERO, new ControllerNotificationDue(ZUID, CONTROLLER_DUE));
        }

        @Test
        @DisplayName("Art. 6_1: a deadline firing at its instant raises the overdue facts, as of just after it")
        void aDeadlineFiringAtItsInstantRaisesTheOverdueFacts() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(1))).andGivenCommands(suspicion())
                    .whenTimeAdvancesTo(CONTROLLER_DUE)
                    .expectEvents(controllerOverdue(NOORD), controllerOverdue(ZUID));
        }

        @Test
        void aBreachReportedAfterTheLimitIsOverdueAtOnceForEveryAgreement() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(30)))
                    .when(suspicion())
                    .expectEvents(reported(BreachStatus.SUSPECTED), controllerOverdue(NOORD), controllerOverdue(ZUID))
                    .expectScheduledDeadline(Duration.ofHours(42), new AuthorityNotificationDue(AUTHORITY_DUE));
        }

        @Test
        void aNotificationToTheDataSubjectsHasNoDeadline() {
            NotifyBreach subjects = notification("n-patients", NotificationRecipient.DATA_SUBJECTS, null,
                    DISCOVERED.plus(Duration.ofDays(5)));
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofDays(6))).andGiven(reported(BreachStatus.CONFIRMED))
                    .when(subjects)
                    .expectEvents(notified(subjects, null, false, List.of()));
        }

        @Test
        void aNotificationBeforeTheDiscoveryIsRefused() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(1))).andGiven(reported(BreachStatus.SUSPECTED))
                    .when(notifyController("n-early", NOORD, DISCOVERED.minusSeconds(1)))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void aNotificationDatedInTheFutureIsRefused() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(1))).andGiven(reported(BreachStatus.SUSPECTED))
                    .when(notifyController("n-future", NOORD, DISCOVERED.plus(Duration.ofHours(5))))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("notifiedAt lies in the future")
                    .expectNoEvents();
        }

        @Test
        void aControllerNotificationForAnAgreementTheBreachDoesNotAffectIsRefused() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(1))).andGiven(reported(BreachStatus.SUSPECTED))
                    .when(notifyController("n-other", UNKNOWN, DISCOVERED))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void aBreachOverAnUnknownAgreementIsRefused() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(1)))
                    .when(report(BreachStatus.CONFIRMED, NOORD, UNKNOWN))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("agreementIds[1] names no agreement")
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("Art. 6.3: a notification states the cause, the solution and who has been informed")
    class Art6_3 {
        @Test
        void aNotificationWithCauseSolutionAndInformedPartiesIsRecorded() {
            NotifyBreach complete = notifyController("n-noord", NOORD, DISCOVERED.plus(Duration.ofHours(1)));
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(1))).andGiven(reported(BreachStatus.SUSPECTED))
                    .when(complete)
                    .expectEvents(notified(complete, CONTROLLER_DUE, false, List.of()));
        }

        @Test
        void aNotificationWithoutCauseSolutionOrInformedPartiesIsRefusedNamingEach() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(1))).andGiven(reported(BreachStatus.SUSPECTED))
                    .when(new NotifyBreach(BREACH, "n-bare", NotificationRecipient.CONTROLLER, NOORD,
                            DISCOVERED.plus(Duration.ofMinutes(10)), " ", null, null, List.of()))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("a notification must state the (suspected) cause, the (proposed) solution "
                            + "and who has been informed; missing: cause, proposedSolution, informedParties")
                    .expectNoEvents();
        }

        @Test
        void aNotificationWithoutInformedPartiesIsRefused() {
            fixture.givenCurrentTime(DISCOVERED.plus(Duration.ofHours(1))).andGiven(reported(BreachStatus.SUSPECTED))
                    .when(new NotifyBreach(BREACH, "n-bare", NotificationRecipient.CONTROLLER, NOORD,
                            DISCOVERED.plus(Duration.ofMinutes(10)), "cause", "solution", null, null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("a notification must state the (suspected) cause, the (proposed) solution "
                            + "and who has been informed; missing: informedParties")
                    .expectNoEvents();
        }

        @Test
        void aControllerNotificationNamesItsAgreement() {
            assertThatThrownBy(() -> new NotifyBreach(BREACH, "n-1", NotificationRecipient.CONTROLLER, null, DISCOVERED,
                    "cause", "solution", null, List.of("CONTROLLER")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("agreementId is required for recipient CONTROLLER");
        }
    }
}
