package nl.evidencestore.shared.evidence.verify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventEnvelope;

/**
 * The last line of every stream in the bundle, and the hash the agreement's chain has at one
 * sequence asked for in advance (the head an earlier checkpoint knew, for "no fork").
 */
final class StreamEnds {
    private final String agreementId;
    private final long watchedSequence;
    private final Map<String, EventLine> last = new LinkedHashMap<>();
    private String watchedHash;
    /**
     * The line of the stream being read, put in {@link #last} when another stream begins: not once
     * per line, and only then made into its line (a plain line's payload is copied out of its chunk then).
     */
    private LineFacts current;

    StreamEnds(String agreementId, long watchedSequence) {
        this.agreementId = agreementId;
        this.watchedSequence = watchedSequence;
    }

    void accept(LineFacts facts) {
        if (!facts.parsed()) {
            return;
        }
        EventEnvelope envelope = facts.envelope();
        if (current != null && !current.streamId().equals(envelope.streamId())) {
            settle();
        }
        if (current == null) {
            // The first line of a stream holds its place in the order of first appearance.
            last.putIfAbsent(envelope.streamId(), facts.line());
        }
        current = facts;
        if (envelope.streamId().equals(agreementId) && envelope.sequence() == watchedSequence) {
            watchedHash = facts.hash();
        }
    }

    Map<String, EventLine> lastLines() {
        settle();
        return last;
    }

    Optional<EventLine> agreementHead() {
        settle();
        return Optional.ofNullable(last.get(agreementId));
    }

    private void settle() {
        if (current != null) {
            last.put(current.streamId(), current.line());
            current = null;
        }
    }

    /** The hash of the agreement's line at the watched sequence, if the bundle has that line. */
    Optional<String> watchedHash() {
        return Optional.ofNullable(watchedHash);
    }
}
