package nl.evidencestore.command.evidence;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.error.PositionNotReached;
import nl.evidencestore.shared.error.UnknownResource;
import nl.evidencestore.shared.http.Principal;
import nl.evidencestore.shared.http.Role;
import nl.evidencestore.shared.model.AgreementId;

/** {@code GET /api/v1/agreements/{agreementId}/events}: an agreement's stored events, page by page. */
public final class StoredEventEndpoints {
    public static final int MAX_LIMIT = 10_000;
    private static final int DEFAULT_LIMIT = 1_000;
    /** api.md, Consistency: a position not reached after 10 s is a 503. */
    private static final Duration MIN_POSITION_WAIT = Duration.ofSeconds(10);
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();
    private static final long MAX_POLL_NANOS = Duration.ofMillis(500).toNanos();

    private final StoredEvents events;

    public StoredEventEndpoints(StoredEvents events) {
        this.events = events;
    }

    /** One page; {@code nextSequence} is absent after the last event stored so far. */
    public record Page(String agreementId, List<StoredEvents.Stored> events, Long nextSequence) {
    }

    public EndpointGroup routes() {
        return () -> get("/api/v1/agreements/{agreementId}/events", this::page, Role.SECURITY, Role.AUDITOR, Role.ADMIN);
    }

    private void page(Context ctx) {
        AgreementId agreementId = agreementId(ctx.pathParam("agreementId"));
        events.controllerOf(agreementId.value()).filter(Principal.of(ctx)::maySee)
                .orElseThrow(() -> new UnknownResource("no agreement with this id"));
        long from = number(ctx, "fromSequence", 0, 0, Long.MAX_VALUE);
        int limit = (int) number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        awaitMinPosition(number(ctx, "minPosition", -1, 0, Long.MAX_VALUE));
        List<StoredEvents.Stored> page = events.read(agreementId.value(), from, limit);
        Long next = page.size() == limit ? page.get(page.size() - 1).sequence() + 1 : null;
        ctx.json(new Page(agreementId.value(), page, next));
    }

    /**
     * These events are read from the event store itself, where a command's events are as soon as
     * it returns its position: only a position no command has returned yet waits, polling the head
     * at growing intervals (20 ms, doubling to 500 ms), some 25 queries in the 10 s.
     */
    private void awaitMinPosition(long position) {
        if (position < 0) {
            return;
        }
        long deadline = System.nanoTime() + MIN_POSITION_WAIT.toNanos();
        long head = events.headPosition();
        long pause = POLL_NANOS;
        while (head < position) {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                throw new PositionNotReached(position, head);
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(2 * pause, MAX_POLL_NANOS);
            head = events.headPosition();
        }
    }

    private static AgreementId agreementId(String raw) {
        try {
            return AgreementId.of(raw);
        } catch (IllegalArgumentException e) {
            throw new UnknownResource("no agreement with this id");
        }
    }

    private static long number(Context ctx, String name, long fallback, long min, long max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw);
            if (value < min || value > max) {
                throw new InvalidInput(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "must be a whole number");
        }
    }
}
