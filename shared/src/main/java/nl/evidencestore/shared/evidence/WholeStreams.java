package nl.evidencestore.shared.evidence;

import nl.evidencestore.shared.model.EmployeeId;
import nl.evidencestore.shared.model.SecurityMeasureId;

/**
 * The streams of facts that concern no one agreement, which every bundle carries whole up to
 * their proven heads (evidence-bundle.md): employees' registrations and revocations (Art. 2.3)
 * and the processor's security measures (Art. 5). They follow the agreement's chain in
 * {@code events.jsonl}, sorted by stream id.
 */
public final class WholeStreams {
    private WholeStreams() {
    }

    public static boolean carriedWhole(String streamId) {
        return streamId.startsWith(EmployeeId.STREAM_KIND) || streamId.startsWith(SecurityMeasureId.STREAM_KIND);
    }
}
