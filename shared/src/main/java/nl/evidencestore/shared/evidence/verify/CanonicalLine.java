package nl.evidencestore.shared.evidence.verify;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.AccessPayload;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.json.JcsScanner;

/**
 * The fast way through a line that is canonical, as every line of an untouched bundle is: one
 * scan proves the RFC 8785 form ({@link JcsScanner}) and marks where each member lies; the
 * envelope is read from those places, the payload is the line's own bytes between its braces
 * (a canonical line embeds the stored payload unchanged), and both hashes are taken over the
 * line's bytes in place. Anything else goes the slow way ({@link EventLine#parse}), which says
 * what is wrong.
 */
final class CanonicalLine implements JcsScanner.Members {
    private static final MemberNames NAMES = new MemberNames("eventId", "hash", "occurredAt", "payload", "payloadSha256",
            "prevHash", "recordedAt", "sequence", "streamId", "type", "v");
    private static final int EVENT_ID = 0;
    private static final int HASH = 1;
    static final int OCCURRED_AT = 2;
    private static final int PAYLOAD = 3;
    private static final int PAYLOAD_SHA256 = 4;
    private static final int PREV_HASH = 5;
    static final int RECORDED_AT = 6;
    private static final int SEQUENCE = 7;
    static final int STREAM_ID = 8;
    static final int TYPE = 9;
    private static final int V = 10;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(CanonicalLine::sha256);
    private final byte[] raw;
    /** The line is {@code raw[from, to)}, its newline last: a chunk of many lines, read in place. */
    private final int from;
    private final int to;
    private final RecentTexts recent;
    private boolean unexpected;
    private int lastName = -1;
    private String eventId;
    private String type;
    private String streamId;
    private String occurredAt;
    private String recordedAt;
    private String prevHash;
    private String payloadSha256;
    private String hash;
    private Instant occurredAtInstant;
    private Instant recordedAtInstant;
    private long sequence = -1;
    private long v = -1;
    /** Where each member's value lies, by its index in {@link #NAMES}; -1: not in the line. */
    private final int[] valueFroms = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
    private final int[] valueTos = new int[11];
    private int hashFrom = -1;
    private int hashTo;
    private int payloadMemberFrom;
    private int payloadFrom = -1;
    private int payloadTo;
    private EventLine line;

    private CanonicalLine(byte[] raw, int from, int to) {
        this.raw = raw;
        this.from = from;
        this.to = to;
        this.recent = RecentTexts.ofThisThread();
    }

    /** The line, when {@code raw} is exactly its JCS form and a newline, with exactly the fields a line has; else null. */
    static CanonicalLine read(byte[] raw) {
        return read(raw, 0, raw.length);
    }

    /** The same for the line {@code raw[from, to)} of a chunk of lines. */
    static CanonicalLine read(byte[] raw, int from, int to) {
        int end = to - 1;
        if (to - from < 2 || raw[end] != '\n') {
            return null;
        }
        CanonicalLine read = new CanonicalLine(raw, from, to);
        // A number form only the general canonicaliser judges is never in a line the store
        // wrote (its fields are strings and safe integers): such a line goes the slow way.
        if (JcsScanner.scan(raw, from, end, read) != JcsScanner.Form.CANONICAL || read.unexpected) {
            return null;
        }
        read.decode();
        if (read.unexpected) {
            return null;
        }
        try {
            read.line = read.build();
            return read;
        } catch (RuntimeException e) {
            return null;
        }
    }

    EventLine line() {
        return line;
    }

    /** The payload read as an access the fast way; null when it is a stub or the general mapper must decide. */
    AccessRecorded access() {
        return payloadFrom < 0 ? null : AccessPayload.read(raw, payloadFrom, payloadTo);
    }

    /** The payload's SHA-256, taken over the line's bytes in place, is its payloadSha256; stubs have none to check. */
    boolean payloadHashHolds() {
        if (payloadFrom < 0) {
            return true;
        }
        MessageDigest digest = SHA256.get();
        digest.update(raw, payloadFrom, payloadTo - payloadFrom);
        return isHexOf(digest.digest(), payloadSha256);
    }

    /**
     * The envelope's hash holds. Its JCS bytes are the line's bytes without the hash and payload
     * members: the same other members, in the same order, each written the one canonical way
     * (instants have one text each, which {@link EventHash#parse} enforced). Names sort
     * eventId, hash, occurredAt, payload: both cut members have a comma before them.
     */
    boolean eventHashHolds() {
        MessageDigest digest = SHA256.get();
        digest.update(raw, from, hashFrom - from);
        int rest = hashTo;
        if (payloadFrom >= 0) {
            digest.update(raw, hashTo, payloadMemberFrom - hashTo);
            rest = payloadTo;
        }
        digest.update(raw, rest, to - 1 - rest);
        return isHexOf(digest.digest(), hash);
    }

    /**
     * Only notes where each member's value lies: this runs inside the scan, and whatever it does
     * the compiler compiles into the scan too; the values are read afterwards ({@link #decode}).
     */
    @Override
    public void member(int nameFrom, int nameTo, int valueFrom, int valueTo) {
        int name = NAMES.find(raw, nameFrom, nameTo, lastName);
        if (name < 0) {
            unexpected = true;
            return;
        }
        lastName = name;
        valueFroms[name] = valueFrom;
        valueTos[name] = valueTo;
        if (name == HASH) {
            hashFrom = nameFrom - 2;
        } else if (name == PAYLOAD) {
            payloadMemberFrom = nameFrom - 2;
        }
    }

    /** Reads every member noted by {@link #member}; a member of the wrong kind makes the line unexpected. */
    private void decode() {
        for (int name = 0; name < valueFroms.length; name++) {
            int valueFrom = valueFroms[name];
            if (valueFrom >= 0) {
                decode(name, valueFrom, valueTos[name]);
            }
        }
    }

    private void decode(int name, int valueFrom, int valueTo) {
        byte first = raw[valueFrom];
        String text = first != '"' ? null
                : name == TYPE || name == STREAM_ID || name == OCCURRED_AT || name == RECORDED_AT
                ? recent.text(name, raw, valueFrom + 1, valueTo - 1)
                : JcsScanner.text(raw, valueFrom + 1, valueTo - 1);
        switch (name) {
            case EVENT_ID -> eventId = text;
            case HASH -> {
                hash = text;
                hashTo = valueTo;
            }
            case OCCURRED_AT -> {
                occurredAt = text;
                occurredAtInstant = recent.instant(OCCURRED_AT, text);
            }
            case PAYLOAD -> {
                unexpected |= first != '{';
                payloadFrom = valueFrom;
                payloadTo = valueTo;
            }
            case PAYLOAD_SHA256 -> payloadSha256 = text;
            case PREV_HASH -> prevHash = text;
            case RECORDED_AT -> {
                recordedAt = text;
                recordedAtInstant = recent.instant(RECORDED_AT, text);
            }
            case SEQUENCE -> sequence = integer(first, valueFrom, valueTo);
            case STREAM_ID -> streamId = text;
            case TYPE -> type = text;
            default -> v = integer(first, valueFrom, valueTo);
        }
        unexpected |= text == null && name != PAYLOAD && name != SEQUENCE && name != V;
    }

    private long integer(byte first, int from, int to) {
        if (first != '-' && (first < '0' || first > '9')) {
            unexpected = true;
            return -1;
        }
        if (first == '-') {
            // No field of a line is negative: the general reader says what is wrong.
            unexpected = true;
            return -1;
        }
        // The scan passed it: digits only, no leading zero, at most 2^53.
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (raw[i] - '0');
        }
        return value;
    }

    private EventLine build() {
        // eventId sorts first and is required: the hash member always has a comma before it.
        if (v < 0 || sequence < 0 || occurredAt == null || recordedAt == null || hash == null || eventId == null
                || hashFrom < 0) {
            throw new IllegalArgumentException("a field is missing");
        }
        if (occurredAtInstant == null || recordedAtInstant == null) {
            // The text of an instant is not EventHash's one form: the general reader says so.
            throw new IllegalArgumentException("an instant is not in its one form");
        }
        EventEnvelope envelope = new EventEnvelope(Math.toIntExact(v), eventId, type, streamId, sequence,
                occurredAtInstant, recordedAtInstant, prevHash, payloadSha256);
        return new EventLine(envelope, hash, payloadFrom < 0 ? null : Arrays.copyOfRange(raw, payloadFrom, payloadTo));
    }

    /** Whether {@code hex} is the lower-case hex of {@code digest}, as {@link HexFormat} prints it, without printing it. */
    static boolean isHexOf(byte[] digest, String hex) {
        if (hex == null || hex.length() != digest.length * 2) {
            return false;
        }
        for (int i = 0; i < digest.length; i++) {
            if (hex.charAt(2 * i) != HEX[(digest[i] >> 4) & 0xf] || hex.charAt(2 * i + 1) != HEX[digest[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static Instant instant(String text) {
        return EventHash.parse(text);
    }
}
