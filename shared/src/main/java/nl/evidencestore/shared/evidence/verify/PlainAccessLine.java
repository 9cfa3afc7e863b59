package nl.evidencestore.shared.evidence.verify;

import static nl.evidencestore.shared.evidence.verify.AccessLineShape.EVENT_ID;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.HASH;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.OCCURRED_AT;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.PAYLOAD_SHA256;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.PREV_HASH;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.RECORDED_AT;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.STREAM_ID;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.TYPE;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.report.TimelineCsv;
import nl.evidencestore.shared.integrity.EventEnvelope;

/**
 * The fast way through an access's line of the plain shape ({@link AccessLineShape}), nearly
 * every line of a bundle: one walk proves its canonical form and finds its members, both hashes
 * are taken over the line in place, and the envelope and the access are made from those places
 * with the values the lines before shared ({@link RecentValues}). It gives the facts that
 * {@link CanonicalLine} and {@code AccessPayload} give for the same bytes, the same way; a line
 * of any other shape, or one a constructor refuses, is theirs to read (null here).
 */
final class PlainAccessLine {
    private static final ThreadLocal<PlainAccessLine> READERS = ThreadLocal.withInitial(PlainAccessLine::new);
    private static final byte[] ACCESS = EventTypes.nameOf(AccessRecorded.class).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    // The slots of RecentTexts that CanonicalLine uses for the same members.
    private static final int TEXT_OCCURRED_AT = CanonicalLine.OCCURRED_AT;
    private static final int TEXT_RECORDED_AT = CanonicalLine.RECORDED_AT;
    private static final int TEXT_STREAM_ID = CanonicalLine.STREAM_ID;
    private static final int TEXT_TYPE = CanonicalLine.TYPE;
    /** {@code 2026-03-01T09:30:00.000000Z}: EventHash's one text of an instant. */
    private static final int ONE_FORM = 27;
    private final AccessLineShape shape = new AccessLineShape();
    private final RecentValues recent = new RecentValues(AccessLineShape.SLOTS, 1);
    private final RecentTexts texts = RecentTexts.ofThisThread();
    private final MinuteInstants occurredAts = new MinuteInstants();
    private final MinuteInstants recordedAts = new MinuteInstants();
    private final MessageDigest sha256 = CanonicalLine.sha256();
    private final PlainRow rows = new PlainRow();
    private final PlainAccess accesses = new PlainAccess();
    private byte[] raw;
    /** The hash of the line read last. */
    private String hash;

    /** The facts of {@code raw[from, to)} as {@link LineFacts#of} gives them, when it is an access of the plain shape; else null. */
    static LineFacts facts(long number, byte[] raw, int from, int to, BundleScope scope) {
        return ofThisThread().read(number, raw, from, to, scope);
    }

    /** The calling thread's reader: it keeps what the lines before shared, so it is one thread's alone. */
    static PlainAccessLine ofThisThread() {
        return READERS.get();
    }

    /** As {@link #facts}, on this thread's reader. */
    LineFacts read(long number, byte[] raw, int from, int to, BundleScope scope) {
        AccessLineShape s = shape;
        this.raw = raw;
        if (!s.read(raw, from, to) || !Arrays.equals(raw, s.from[TYPE], s.to[TYPE], ACCESS, 0, ACCESS.length)) {
            return null;
        }
        EventEnvelope envelope;
        AccessRecorded access;
        try {
            envelope = envelope();
            access = envelope == null ? null : accesses.read(raw, shape);
        } catch (RuntimeException e) {
            // A value its constructor refuses: the general reader says what it makes of it.
            return null;
        }
        if (access == null) {
            return null;
        }
        return LineFacts.access(number, envelope, hash, raw, s.payloadFrom(), s.payloadTo(), payloadHashHolds(),
                eventHashHolds(from, to), access, row(envelope, access, scope));
    }

    /**
     * As {@link TimelineRow#of} gives it, from the line's places; null for a line without a row
     * ({@link TimelineCsv#mayHaveRow}, and the access naming the agreement too).
     */
    private byte[] row(EventEnvelope envelope, AccessRecorded access, BundleScope scope) {
        if (!TimelineCsv.mayHaveRow(envelope, scope) || !access.agreementId().equals(scope.agreementId())) {
            return null;
        }
        return rows.write(raw, shape);
    }

    /** The envelope as {@link CanonicalLine} builds it, and the line's hash; null where its instants are not in their one form. */
    private EventEnvelope envelope() {
        AccessLineShape s = shape;
        Instant occurred = instant(occurredAts, TEXT_OCCURRED_AT, OCCURRED_AT);
        Instant recorded = instant(recordedAts, TEXT_RECORDED_AT, RECORDED_AT);
        if (occurred == null || recorded == null) {
            return null;
        }
        // A chain's prevHash is the hash of the line before it, mostly read just before: that string again.
        Object previous = recent.last(HASH, raw, s.from[PREV_HASH], s.to[PREV_HASH]);
        String prevHash = previous != null ? (String) previous : s.text(raw, PREV_HASH);
        hash = recent.keep(HASH, raw, s.from[HASH], s.to[HASH], s.text(raw, HASH));
        return new EventEnvelope(Math.toIntExact(s.v()), s.text(raw, EVENT_ID),
                texts.text(TEXT_TYPE, raw, s.from[TYPE], s.to[TYPE]), texts.text(TEXT_STREAM_ID, raw, s.from[STREAM_ID], s.to[STREAM_ID]),
                s.sequence(), occurred, recorded, prevHash, s.text(raw, PAYLOAD_SHA256));
    }

    /**
     * {@code EventHash.parse} of an envelope's instant, as {@link CanonicalLine} reads it: its one
     * form has 27 bytes, which EventHash reads as {@code IsoInstant} does ({@link MinuteInstants});
     * any other text, or one that refuses, goes EventHash's own way.
     */
    private Instant instant(MinuteInstants minutes, int textSlot, int member) {
        int from = shape.from[member];
        int to = shape.to[member];
        Instant read = to - from == ONE_FORM ? minutes.parse(raw, from, to) : null;
        return read != null ? read : texts.instant(textSlot, texts.text(textSlot, raw, from, to));
    }

    private boolean payloadHashHolds() {
        AccessLineShape s = shape;
        sha256.update(raw, s.payloadFrom(), s.payloadTo() - s.payloadFrom());
        return isHexOf(sha256.digest(), raw, s.from[PAYLOAD_SHA256], s.to[PAYLOAD_SHA256]);
    }

    /** As {@link CanonicalLine#eventHashHolds}: the line's bytes without its hash and payload members, and its newline. */
    private boolean eventHashHolds(int from, int to) {
        AccessLineShape s = shape;
        int hashEnd = s.to[HASH] + 1;
        sha256.update(raw, from, s.hashMember() - from);
        sha256.update(raw, hashEnd, s.payloadMember() - hashEnd);
        sha256.update(raw, s.payloadTo(), to - 1 - s.payloadTo());
        return isHexOf(sha256.digest(), raw, s.from[HASH], s.to[HASH]);
    }

    /** Whether {@code raw[from, to)} is the lower-case hex of {@code digest}. */
    static boolean isHexOf(byte[] digest, byte[] raw, int from, int to) {
        if (to - from != 2 * digest.length) {
            return false;
        }
        for (int i = 0; i < digest.length; i++) {
            if (raw[from + 2 * i] != HEX[(digest[i] >> 4) & 0xf] || raw[from + 2 * i + 1] != HEX[digest[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }
}
