package nl.evidencestore.command.deadline;

import java.time.Duration;
import java.time.Instant;
import nl.evidencestore.command.deadline.Reminder.Due;
import nl.evidencestore.command.deadline.Reminder.Meet;
import nl.evidencestore.command.deadline.Reminder.Open;
import nl.evidencestore.command.deadline.Reminder.Opened;
import nl.evidencestore.command.deadline.Reminder.Overdue;
import nl.evidencestore.command.deadline.Reminder.Withdraw;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How an aggregate's deadlines are tested: the fixture injects its own deadline manager for
 * the {@code DeadlineManager} parameter, and time is the fixture's, moved by
 * {@code whenTimeElapses}; nothing waits.
 */
class DeadlineFixtureTest {
    private static final Instant DISCOVERED = Instant.parse("2026-03-01T09:30:00Z");
    private static final Instant DUE = DISCOVERED.plus(Duration.ofHours(24));

    private AggregateTestFixture<Reminder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Reminder.class);
        fixture.registerInjectableResource(new FixtureClock(fixture));
    }

    @Test
    void schedulesTheDeadlineAtTheInstantTheFactsGive() {
        fixture.givenCurrentTime(DISCOVERED)
                .when(new Open("r-1", DUE))
                .expectEvents(new Opened("r-1", DUE, DISCOVERED))
                .expectScheduledDeadline(DUE, new Due("r-1", DUE));
    }

    @Test
    void raisesTheOverdueFactWhenTheDeadlinePasses() {
        fixture.givenCurrentTime(DISCOVERED)
                .andGivenCommands(new Open("r-1", DUE))
                .whenTimeElapses(Duration.ofHours(24))
                .expectTriggeredDeadlinesWithName(Reminder.DUE)
                .expectEvents(new Overdue("r-1", DUE));
    }

    @Test
    void staysQuietUntilTheInstant() {
        fixture.givenCurrentTime(DISCOVERED)
                .andGivenCommands(new Open("r-1", DUE))
                .whenTimeElapses(Duration.ofHours(24).minusSeconds(1))
                .expectNoEvents()
                .expectTriggeredDeadlines()
                .expectScheduledDeadlineWithName(DUE, Reminder.DUE);
    }

    @Test
    void aDeadlinePassedBeforeTheFactWasRecordedFiresAtOnce() {
        fixture.givenCurrentTime(DUE.plus(Duration.ofHours(1)))
                .andGivenCommands(new Open("r-1", DUE))
                .whenTimeElapses(Duration.ZERO)
                .expectEvents(new Overdue("r-1", DUE));
    }

    @Test
    void aMetObligationRaisesNothingWhenItsDeadlineFires() {
        fixture.givenCurrentTime(DISCOVERED)
                .andGivenCommands(new Open("r-1", DUE), new Meet("r-1"))
                .whenTimeElapses(Duration.ofDays(2))
                .expectTriggeredDeadlinesWithName(Reminder.DUE)
                .expectNoEvents();
    }

    @Test
    void aCancelledDeadlineNeverFires() {
        fixture.givenCurrentTime(DISCOVERED)
                .andGivenCommands(new Open("r-1", DUE), new Withdraw("r-1"))
                .whenTimeElapses(Duration.ofDays(2))
                .expectTriggeredDeadlines()
                .expectNoScheduledDeadlines()
                .expectNoEvents();
    }
}
