package nl.evidencestore.shared.evidence.verify;

import java.util.Arrays;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventHash;

/**
 * A line's facts the general way, whatever its shape: one scan proves its canonical form
 * ({@link CanonicalLine}) or the general reader parses it and says what is wrong, and the payload
 * is decoded by the fast reader of accesses or the mapper. Every line that is not a plain
 * access's ({@link PlainAccessLine}) is read so, and a test holds the plain way to this one.
 */
final class GeneralLine {
    private static final String ACCESS = EventTypes.nameOf(AccessRecorded.class);

    private GeneralLine() {
    }

    /** The facts the general way: any line, whatever its shape, and what is wrong with it. */
    static LineFacts facts(long number, byte[] raw, int from, int to, BundleScope scope) {
        CanonicalLine canonical = CanonicalLine.read(raw, from, to);
        if (canonical == null) {
            return slow(number, Arrays.copyOfRange(raw, from, to), scope);
        }
        EventLine line = canonical.line();
        return decoded(number, line, true, canonical.payloadHashHolds(), canonical.eventHashHolds(), scope,
                ACCESS.equals(line.envelope().type()) ? canonical.access() : null);
    }

    /** A line that is not canonical: parsed by the general reader, which says what is wrong, and hashed as written. */
    private static LineFacts slow(long number, byte[] raw, BundleScope scope) {
        EventLine line;
        try {
            line = EventLine.parse(raw);
        } catch (RuntimeException e) {
            return new LineFacts(number, null, e.getMessage(), false, false, false, null, null, null);
        }
        boolean payload = line.isStub() || EventHash.payloadSha256(line.payload()).equals(line.envelope().payloadSha256());
        boolean hash = EnvelopeHash.of(line.envelope()).equals(line.hash());
        return decoded(number, line, false, payload, hash, scope, null);
    }

    /** {@code access}: the payload already read the fast way, or null to decode it the general way. */
    private static LineFacts decoded(long number, EventLine line, boolean canonical, boolean payload, boolean hash,
                                     BundleScope scope, EvidenceEvent access) {
        EvidenceEvent event = access;
        String undecodable = null;
        if (event == null && !line.isStub()) {
            try {
                event = line.event().orElse(null);
                if (event == null) {
                    undecodable = "type " + line.envelope().type() + " is unknown to this verifier";
                }
            } catch (RuntimeException e) {
                undecodable = "the payload is not a " + line.envelope().type() + ": " + e.getMessage();
            }
        }
        return new LineFacts(number, line, null, canonical, payload, hash, event, undecodable,
                timelineRow(line, event, scope));
    }

    /** The line's timeline.csv row with a stand-in for the subject cell, which the file supplies. */
    private static byte[] timelineRow(EventLine line, EvidenceEvent event, BundleScope scope) {
        try {
            return TimelineRow.of(line, event, scope);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
