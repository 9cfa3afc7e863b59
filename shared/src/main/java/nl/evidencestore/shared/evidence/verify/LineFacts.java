package nl.evidencestore.shared.evidence.verify;

import java.util.Arrays;
import java.util.Optional;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.BundleWriter;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventHash;

/**
 * What one line of {@code events.jsonl} shows on its own, with no other line: whether it parses,
 * is canonical, and whether its two hashes hold. Computed in parallel; everything that needs the
 * lines before it is done afterwards, in order.
 */
record LineFacts(long number, EventLine line, String malformed, boolean canonical, boolean payloadHashHolds,
                 boolean eventHashHolds, EvidenceEvent event, String undecodable, byte[] timelineRow) {
    /** Needs neither quotes nor a formula guard, and no subject reference looks like it. */
    static final String SUBJECT = "\u0001subject\u0001";
    private static final String ACCESS = EventTypes.nameOf(AccessRecorded.class);

    static LineFacts of(long number, byte[] raw, BundleScope scope) {
        return of(number, raw, 0, raw.length, scope);
    }

    /** The facts of the line {@code raw[from, to)}, its newline included, of a chunk of lines. */
    static LineFacts of(long number, byte[] raw, int from, int to, BundleScope scope) {
        LineFacts access = PlainAccessLine.facts(number, raw, from, to, scope);
        return access != null ? access : general(number, raw, from, to, scope);
    }

    /** The facts the general way: any line, whatever its shape, and what is wrong with it. */
    static LineFacts general(long number, byte[] raw, int from, int to, BundleScope scope) {
        CanonicalLine canonical = CanonicalLine.read(raw, from, to);
        if (canonical == null) {
            return slow(number, Arrays.copyOfRange(raw, from, to), scope);
        }
        EventLine line = canonical.line();
        return decoded(number, line, true, canonical.payloadHashHolds(), canonical.eventHashHolds(), scope,
                ACCESS.equals(line.envelope().type()) ? canonical.access() : null);
    }

    /** A canonical access's line, read the plain way: its event and row made already. */
    static LineFacts access(long number, EventLine line, boolean payload, boolean hash, AccessRecorded access, byte[] row) {
        return new LineFacts(number, line, null, true, payload, hash, access, null, row);
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
    static LineFacts decoded(long number, EventLine line, boolean canonical, boolean payload, boolean hash,
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
