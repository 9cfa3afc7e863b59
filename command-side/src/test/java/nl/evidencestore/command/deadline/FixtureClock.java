package nl.evidencestore.command.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * The fixture's simulated time as a {@link Clock}, for handlers that take one: it moves with
 * {@code givenCurrentTime} and {@code whenTimeElapses}, as the fixture's deadline manager does.
 */
final class FixtureClock extends Clock {
    private final AggregateTestFixture<?> fixture;

    FixtureClock(AggregateTestFixture<?> fixture) {
        this.fixture = fixture;
    }

    @Override
    public Instant instant() {
        return fixture.currentTime();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the store's time is UTC");
    }
}
