package nl.evidencestore.shared.evidence.verify;

import java.util.Arrays;
import java.util.Optional;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.evidence.BundleWriter;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventHash;

/**
 * What one line of {@code events.jsonl} shows on its own, with no other line: whether it parses,
 * is canonical, and whether its two hashes hold. Computed in parallel; everything that needs the
 * lines before it is done afterwards, in order.
 */
record LineFacts(long number, EventLine line, String malformed, boolean canonical, boolean payloadHashHolds,
                 boolean eventHashHolds, EvidenceEvent event, String undecodable) {

    static LineFacts of(long number, byte[] raw) {
        EventLine line;
        try {
            line = EventLine.parse(raw);
        } catch (RuntimeException e) {
            return new LineFacts(number, null, e.getMessage(), false, false, false, null, null);
        }
        boolean canonical = raw.length > 0 && raw[raw.length - 1] == '\n' && Arrays.equals(line.toJsonl(), raw);
        boolean payload = line.isStub() || EventHash.payloadSha256(line.payload()).equals(line.envelope().payloadSha256());
        boolean hash = EventHash.of(line.envelope()).equals(line.hash());
        EvidenceEvent event = null;
        String undecodable = null;
        if (!line.isStub()) {
            try {
                event = line.event().orElse(null);
                if (event == null) {
                    undecodable = "type " + line.envelope().type() + " is unknown to this verifier";
                }
            } catch (RuntimeException e) {
                undecodable = "the payload is not a " + line.envelope().type() + ": " + e.getMessage();
            }
        }
        return new LineFacts(number, line, null, canonical, payload, hash, event, undecodable);
    }

    boolean parsed() {
        return line != null;
    }

    String streamId() {
        return line.envelope().streamId();
    }

    Optional<String> eventId() {
        return line == null ? Optional.empty() : Optional.of(line.envelope().eventId());
    }

    /** "events.jsonl line 17, event e-17": where a failure is. */
    String where() {
        return BundleWriter.EVENTS + " line " + number + eventId().map(id -> ", event " + id).orElse("");
    }
}
