package nl.evidencestore.command.subjectrequest;

import static nl.evidencestore.command.subjectrequest.SubjectRequestTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestExtended;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestForwardingOverdue;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestOverdue;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestResolved;
import nl.evidencestore.shared.model.Party;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubjectRequestTest {
    private AggregateTestFixture<SubjectRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SubjectRequest.class);
        fixture.registerInjectableResource(SubjectRequestLimits.STANDARD);
        fixture.registerInjectableResource(KNOWN);
        fixture.registerInjectableResource(SEALS);
    }

    @Nested
    @DisplayName("Art. 7.1: a request the processor received is forwarded to the controller in time")
    class Art7_1 {
        @Test
        void aRequestTheProcessorReceivedMustBeForwardedWithinTwoWorkingDays() {
            fixture.givenCurrentTime(MONDAY_MORNING)
                    .when(receive(Party.PROCESSOR))
                    .expectEvents(received(Party.PROCESSOR))
                    .expectScheduledDeadline(FORWARDING_DUE, new ForwardingDue(WEDNESDAY))
                    .expectScheduledDeadline(ANSWER_DUE, new AnswerDue(ANSWER_BY));
        }

        @Test
        void aRequestTheControllerReceivedHasNoForwardingDeadline() {
            fixture.givenCurrentTime(MONDAY_MORNING)
                    .when(receive(Party.CONTROLLER))
                    .expectEvents(received(Party.CONTROLLER))
                    .expectNoScheduledDeadlineOfType(FORWARDING_DUE, ForwardingDue.class)
                    .expectScheduledDeadline(ANSWER_DUE, new AnswerDue(ANSWER_BY));
        }

        @Test
        void forwardingOnTheLastWorkingDayIsInTime() {
            fixture.givenCurrentTime(FORWARDING_DUE.minusSeconds(60)).andGivenCommands(receive(Party.PROCESSOR))
                    .when(new ForwardSubjectRequest(REQUEST, WEDNESDAY))
                    .expectEvents(forwarded(WEDNESDAY))
                    .expectNoScheduledDeadlineOfType(FORWARDING_DUE, ForwardingDue.class);
        }

        @Test
        void forwardingAfterTheLimitIsLateAndRecordsTheViolation() {
            fixture.givenCurrentTime(FORWARDING_DUE.plus(Duration.ofHours(10))).andGiven(received(Party.PROCESSOR))
                    .when(new ForwardSubjectRequest(REQUEST, THURSDAY))
                    .expectEvents(forwarded(THURSDAY));
            assertThat(forwarded(THURSDAY).late()).isTrue();
            assertThat(SubjectRequest.FORWARDED_LATE.article()).isEqualTo("7.1");
        }

        @Test
        void theStoreRaisesTheForwardingOverdueFactAtTheEndOfTheLastWorkingDay() {
            fixture.givenCurrentTime(MONDAY_MORNING).andGivenCommands(receive(Party.PROCESSOR))
                    .whenTimeAdvancesTo(FORWARDING_DUE)
                    .expectEvents(new SubjectRequestForwardingOverdue(REQUEST, AGREEMENT, WEDNESDAY,
                            SubjectRequest.NOT_FORWARDED))
                    .expectDeadlinesMet(new ForwardingDue(WEDNESDAY));
        }

        @Test
        void nothingIsOverdueAMomentBeforeTheEndOfTheLastWorkingDay() {
            fixture.givenCurrentTime(MONDAY_MORNING).andGivenCommands(receive(Party.PROCESSOR))
                    .whenTimeAdvancesTo(FORWARDING_DUE.minusMillis(1))
                    .expectNoEvents();
        }

        @Test
        void aRequestRecordedAfterItsForwardingLimitIsOverdueAtOnce() {
            fixture.givenCurrentTime(Instant.parse("2026-03-06T09:00:00Z"))
                    .when(receive(Party.PROCESSOR))
                    .expectEvents(received(Party.PROCESSOR), new SubjectRequestForwardingOverdue(REQUEST, AGREEMENT,
                            WEDNESDAY, SubjectRequest.NOT_FORWARDED));
        }

        @Test
        void aRequestTheControllerReceivedIsNotForwarded() {
            fixture.givenCurrentTime(MONDAY_MORNING).andGiven(received(Party.CONTROLLER))
                    .when(new ForwardSubjectRequest(REQUEST, MONDAY))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void aRequestUnderAnUnknownAgreementIsRefused() {
            fixture.givenCurrentTime(MONDAY_MORNING)
                    .when(new ReceiveSubjectRequest(REQUEST, UNKNOWN, receive(Party.PROCESSOR).type(), Party.PROCESSOR,
                            MONDAY, SUBJECT))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("agreementId names no agreement")
                    .expectNoEvents();
        }

        @Test
        void aRequestReceivedInTheFutureIsRefused() {
            fixture.givenCurrentTime(MONDAY_MORNING.minus(Duration.ofDays(1)))
                    .when(receive(Party.PROCESSOR))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("receivedOn lies in the future")
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("GDPR Art. 12(3): answered within one month, extendable once by two months with a reason")
    class AnswerPeriod {
        @Test
        void aResolutionWithinTheMonthIsInTimeAndEndsEveryClock() {
            fixture.givenCurrentTime(MONDAY_MORNING).andGivenCommands(receive(Party.PROCESSOR))
                    .when(new ResolveSubjectRequest(REQUEST, MONDAY, "copy of the records sent"))
                    .expectEvents(new SubjectRequestResolved(REQUEST, AGREEMENT, MONDAY, "copy of the records sent",
                            ANSWER_BY, false))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aResolutionAfterTheMonthIsLate() {
            LocalDate late = ANSWER_BY.plusDays(1);
            fixture.givenCurrentTime(ANSWER_DUE.plus(Duration.ofDays(2))).andGiven(received(Party.CONTROLLER))
                    .when(new ResolveSubjectRequest(REQUEST, late, "copy of the records sent"))
                    .expectEvents(new SubjectRequestResolved(REQUEST, AGREEMENT, late, "copy of the records sent",
                            ANSWER_BY, true));
        }

        @Test
        void theStoreRaisesTheOverdueFactWhenTheMonthHasPassed() {
            fixture.givenCurrentTime(MONDAY_MORNING)
                    .andGivenCommands(receive(Party.PROCESSOR), new ForwardSubjectRequest(REQUEST, MONDAY))
                    .whenTimeAdvancesTo(ANSWER_DUE)
                    .expectEvents(new SubjectRequestOverdue(REQUEST, AGREEMENT, ANSWER_BY));
        }

        @Test
        void anExtensionMovesTheDeadlineByTwoMonths() {
            fixture.givenCurrentTime(MONDAY_MORNING.plus(Duration.ofDays(20))).andGivenCommands(receive(Party.CONTROLLER))
                    .when(new ExtendSubjectRequest(REQUEST, LocalDate.of(2026, 3, 20), "records archived off-site"))
                    .expectEvents(new SubjectRequestExtended(REQUEST, AGREEMENT, LocalDate.of(2026, 3, 20),
                            "records archived off-site", ANSWER_BY, EXTENDED_ANSWER_BY))
                    .expectNoScheduledDeadline(ANSWER_DUE, new AnswerDue(ANSWER_BY))
                    .expectScheduledDeadline(Instant.parse("2026-06-02T22:00:00Z"), new AnswerDue(EXTENDED_ANSWER_BY));
        }

        @Test
        void anExtendedRequestIsNotOverdueAfterTheFirstMonth() {
            fixture.givenCurrentTime(MONDAY_MORNING)
                    .andGivenCommands(receive(Party.CONTROLLER), new ExtendSubjectRequest(REQUEST, MONDAY, "archived"))
                    .whenTimeAdvancesTo(ANSWER_DUE.plus(Duration.ofDays(1)))
                    .expectNoEvents();
        }

        @Test
        void theAnswerPeriodIsExtendedOnceOnly() {
            fixture.givenCurrentTime(MONDAY_MORNING)
                    .andGiven(received(Party.CONTROLLER), new SubjectRequestExtended(REQUEST, AGREEMENT, MONDAY,
                            "archived", ANSWER_BY, EXTENDED_ANSWER_BY))
                    .when(new ExtendSubjectRequest(REQUEST, MONDAY, "still archived"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("the answer period is extended once only (GDPR Art. 12(3))")
                    .expectNoEvents();
        }

        @Test
        void anExtensionAfterTheFirstMonthIsRefused() {
            fixture.givenCurrentTime(ANSWER_DUE.plus(Duration.ofDays(3))).andGiven(received(Party.CONTROLLER))
                    .when(new ExtendSubjectRequest(REQUEST, ANSWER_BY.plusDays(1), "archived"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }
}
