package nl.evidencestore.shared.error;

/**
 * A query asked for {@code minPosition} and the projections had not applied it within the
 * wait (HTTP 503): the caller may retry, and learns how far the query side has come.
 */
public class ProjectionBehind extends RuntimeException {
    private final long currentPosition;

    public ProjectionBehind(long requestedPosition, long currentPosition) {
        super("projections have applied position " + currentPosition + ", not yet " + requestedPosition);
        this.currentPosition = currentPosition;
    }

    public long currentPosition() {
        return currentPosition;
    }
}
