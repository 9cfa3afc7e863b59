package nl.evidencestore.shared.evidence.verify;

import java.util.Arrays;
import java.util.Optional;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.BundleWriter;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventEnvelope;

/**
 * What one line of {@code events.jsonl} shows on its own, with no other line: whether it parses,
 * is canonical, and whether its two hashes hold. Computed in parallel; everything that needs the
 * lines before it is done afterwards, in order. A plain access line ({@link PlainAccessLine})
 * keeps its payload where it lies in its chunk: the checks in order read its envelope, hash and
 * event, and only a check that keeps the line itself (a stream's last) has its payload copied.
 */
final class LineFacts {
    /** Needs neither quotes nor a formula guard, and no subject reference looks like it. */
    static final String SUBJECT = "\u0001subject\u0001";
    private final long number;
    private final String malformed;
    private final boolean canonical;
    private final boolean payloadHashHolds;
    private final boolean eventHashHolds;
    private final EvidenceEvent event;
    private final String undecodable;
    private final byte[] timelineRow;
    /** Null for a line that does not parse; the payload of a plain line lies in {@code chunk[payloadFrom, payloadTo)}. */
    private final EventEnvelope envelope;
    private final String hash;
    private final byte[] chunk;
    private final int payloadFrom;
    private final int payloadTo;
    /** Made when asked for a plain line: immutable and equal whichever thread makes it. */
    private volatile EventLine line;

    LineFacts(long number, EventLine line, String malformed, boolean canonical, boolean payloadHashHolds,
              boolean eventHashHolds, EvidenceEvent event, String undecodable, byte[] timelineRow) {
        this(number, malformed, canonical, payloadHashHolds, eventHashHolds, event, undecodable, timelineRow,
                line == null ? null : line.envelope(), line == null ? null : line.hash(), null, 0, 0);
        this.line = line;
    }

    private LineFacts(long number, String malformed, boolean canonical, boolean payloadHashHolds, boolean eventHashHolds,
                      EvidenceEvent event, String undecodable, byte[] timelineRow, EventEnvelope envelope, String hash,
                      byte[] chunk, int payloadFrom, int payloadTo) {
        this.number = number;
        this.malformed = malformed;
        this.canonical = canonical;
        this.payloadHashHolds = payloadHashHolds;
        this.eventHashHolds = eventHashHolds;
        this.event = event;
        this.undecodable = undecodable;
        this.timelineRow = timelineRow;
        this.envelope = envelope;
        this.hash = hash;
        this.chunk = chunk;
        this.payloadFrom = payloadFrom;
        this.payloadTo = payloadTo;
    }

    static LineFacts of(long number, byte[] raw, BundleScope scope) {
        return of(number, raw, 0, raw.length, scope);
    }

    /** The facts of the line {@code raw[from, to)}, its newline included, of a chunk of lines. */
    static LineFacts of(long number, byte[] raw, int from, int to, BundleScope scope) {
        LineFacts access = PlainAccessLine.facts(number, raw, from, to, scope);
        return access != null ? access : GeneralLine.facts(number, raw, from, to, scope);
    }

    /** A canonical access's line, read the plain way: its event and row made already, its payload {@code chunk[from, to)}. */
    static LineFacts access(long number, EventEnvelope envelope, String hash, byte[] chunk, int from, int to,
                            boolean payload, boolean hashHolds, AccessRecorded access, byte[] row) {
        return new LineFacts(number, null, true, payload, hashHolds, access, null, row, envelope, hash, chunk, from, to);
    }

    long number() {
        return number;
    }

    /** The line as parsed; null for one that does not parse. */
    EventLine line() {
        EventLine made = line;
        if (made == null && chunk != null) {
            made = new EventLine(envelope, hash, Arrays.copyOfRange(chunk, payloadFrom, payloadTo));
            line = made;
        }
        return made;
    }

    EventEnvelope envelope() {
        return envelope;
    }

    String hash() {
        return hash;
    }

    boolean isStub() {
        return chunk == null && line != null && line.isStub();
    }

    String malformed() {
        return malformed;
    }

    boolean canonical() {
        return canonical;
    }

    boolean payloadHashHolds() {
        return payloadHashHolds;
    }

    boolean eventHashHolds() {
        return eventHashHolds;
    }

    EvidenceEvent event() {
        return event;
    }

    String undecodable() {
        return undecodable;
    }

    byte[] timelineRow() {
        return timelineRow;
    }

    boolean parsed() {
        return envelope != null;
    }

    String streamId() {
        return envelope.streamId();
    }

    Optional<String> eventId() {
        return envelope == null ? Optional.empty() : Optional.of(envelope.eventId());
    }

    /** "events.jsonl line 17, event e-17": where a failure is. */
    String where() {
        return BundleWriter.EVENTS + " line " + number + eventId().map(id -> ", event " + id).orElse("");
    }
}
