package nl.evidencestore.shared.evidence;

import java.util.HashSet;
import java.util.Set;
import nl.evidencestore.shared.integrity.EventEnvelope;

/**
 * Counts the lines of {@code events.jsonl} as the manifest states them, so that the writer and
 * the verifier count alike. A late arrival is a stub of the agreement recorded after the
 * period whose access occurred inside it.
 */
public final class LineCounts {
    private final BundleScope scope;
    private final Set<String> streams = new HashSet<>();
    private String lastStream;
    private long events;
    private long inPeriod;
    private long stubs;
    private long lateArrivals;

    public LineCounts(BundleScope scope) {
        this.scope = scope;
    }

    public void accept(EventLine line) {
        accept(line.envelope(), line.isStub());
    }

    /** The same, for a caller that holds the line's envelope and knows whether it is a stub, not the line. */
    public void accept(EventEnvelope e, boolean stub) {
        events++;
        // Streams come whole, one after another: the set is asked only when the stream changes
        // (each line's stream id is a string of its own, whose hash is not cached).
        if (!e.streamId().equals(lastStream)) {
            streams.add(e.streamId());
            lastStream = e.streamId();
        }
        boolean agreement = e.streamId().equals(scope.agreementId().value());
        if (agreement && scope.covers(e.recordedAt())) {
            inPeriod++;
        }
        if (stub) {
            stubs++;
            if (isLateArrival(e, true)) {
                lateArrivals++;
            }
        }
    }

    private boolean isLateArrival(EventEnvelope e, boolean stub) {
        return stub && e.streamId().equals(scope.agreementId().value()) && e.recordedAt().isAfter(scope.to())
                && scope.covers(e.occurredAt());
    }

    public Manifest.Counts counts() {
        return new Manifest.Counts(events, inPeriod, stubs, lateArrivals, streams.size());
    }
}
