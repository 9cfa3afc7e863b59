package nl.evidencestore.shared.error;

/**
 * A query's {@code minPosition} was not applied by the projections within the wait (HTTP 503,
 * api.md Consistency); the client retries, and learns how far the projections got.
 */
public class PositionNotReached extends RuntimeException {
    private final long currentPosition;

    public PositionNotReached(long requestedPosition, long currentPosition) {
        super("position " + requestedPosition + " is not applied yet; the projections have applied " + currentPosition);
        this.currentPosition = currentPosition;
    }

    public long currentPosition() {
        return currentPosition;
    }
}
