package nl.evidencestore.shared.evidence.report;

import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.integrity.EventEnvelope;

/**
 * Accesses recorded after the period that occurred inside it: the period's own story, told
 * late. They travel as stubs, so only their envelopes are known; the count and the first few.
 */
final class LateArrivals {
    private static final String ACCESS = EventTypes.nameOf(AccessRecorded.class);
    static final int EXAMPLES = 10;

    private final BundleScope scope;
    private final List<EventEnvelope> examples = new ArrayList<>();
    private long count;

    LateArrivals(BundleScope scope) {
        this.scope = scope;
    }

    void consider(EventEnvelope envelope) {
        if (ACCESS.equals(envelope.type()) && scope.agreementId().value().equals(envelope.streamId())
                && envelope.recordedAt().isAfter(scope.to()) && scope.covers(envelope.occurredAt())) {
            count++;
            if (examples.size() < EXAMPLES) {
                examples.add(envelope);
            }
        }
    }

    long count() {
        return count;
    }

    List<EventEnvelope> examples() {
        return List.copyOf(examples);
    }
}
