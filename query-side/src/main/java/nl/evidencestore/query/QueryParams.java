package nl.evidencestore.query;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import nl.evidencestore.shared.error.InvalidInput;

/** Query parameters every query endpoint shares; errors name the parameter, never echo its value. */
public final class QueryParams {
    /** api.md, Consistency: wait this long for minPosition, then answer 503. */
    public static final Duration MIN_POSITION_WAIT = Duration.ofSeconds(10);

    private QueryParams() {
    }

    public static Optional<Instant> instant(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "must be a UTC ISO-8601 instant such as 2026-03-01T09:30:00Z");
        }
    }

    public static OptionalLong minPosition(Context ctx) {
        String value = ctx.queryParam("minPosition");
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            long position = Long.parseLong(value);
            if (position >= 0) {
                return OptionalLong.of(position);
            }
        } catch (NumberFormatException e) {
            // answered below, as for a negative number
        }
        throw new InvalidInput("minPosition", "must be a whole number, 0 or more");
    }

    /** Read-your-writes: blocks until {@code minPosition} is applied, or throws PositionNotReached. */
    public static void awaitMinPosition(Context ctx, AppliedPosition applied, Duration wait) {
        minPosition(ctx).ifPresent(position -> applied.awaitOrThrow(position, wait));
    }
}
