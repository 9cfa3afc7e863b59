package nl.evidencestore.shared.evidence.verify;

import static nl.evidencestore.shared.evidence.verify.ShapeCursor.bytes;

/**
 * Where each member of an access's line lies, read by one walk over the shape the store writes:
 * the envelope's members and the access's, each in its JCS order, every value plain
 * ({@link ShapeCursor}). Bytes that pass are their own RFC 8785 form: no whitespace, the names
 * in order and each once, strings that need no escape, integers in their one form. Any other
 * line (another type, a stub, an escape, a member more or less) fails the walk, and the general
 * scanner reads it. Reused line after line on one thread; nothing here makes a string.
 */
final class AccessLineShape {
    private static final byte[] EVENT_ID = bytes("{\"eventId\":\"");
    private static final byte[] HASH = bytes(",\"hash\":\"");
    private static final byte[] OCCURRED_AT = bytes(",\"occurredAt\":\"");
    private static final byte[] PAYLOAD = bytes(",\"payload\":");
    private static final byte[] ACCESS_ID = bytes("{\"accessId\":\"");
    private static final byte[] ACTOR_ID = bytes(",\"actor\":{\"id\":\"");
    private static final byte[] KIND = bytes(",\"kind\":\"");
    private static final byte[] SUB_PROCESSOR = bytes(",\"subProcessorId\":\"");
    private static final byte[] AGREEMENT = bytes("},\"agreementId\":\"");
    private static final byte[] CATEGORIES = bytes(",\"categories\":[");
    private static final byte[] COUNTRY = bytes(",\"country\":\"");
    private static final byte[] INSTRUCTION = bytes(",\"instructionRef\":\"");
    private static final byte[] INSTRUCTION_VERIFIED = bytes(",\"instructionVerified\":");
    private static final byte[] ACCESS_OCCURRED_AT = bytes(",\"occurredAt\":\"");
    private static final byte[] PURPOSE = bytes(",\"purpose\":\"");
    private static final byte[] RECORDED_LATE = bytes(",\"recordedLate\":");
    private static final byte[] REFERENCE_DATA = bytes(",\"referenceData\":\"");
    private static final byte[] CIPHERTEXT = bytes(",\"subject\":{\"ciphertext\":\"");
    private static final byte[] KEY_ID = bytes(",\"keyId\":\"");
    private static final byte[] SYSTEM = bytes("},\"system\":\"");
    private static final byte[] VERDICT_AFTER_SYSTEM = bytes(",\"verdict\":{\"verdict\":\"");
    private static final byte[] VERDICT_AFTER_SUBJECT = bytes("},\"verdict\":{\"verdict\":\"");
    private static final byte[] VIOLATIONS = bytes(",\"violations\":[");
    private static final byte[] ARTICLE = bytes("{\"article\":\"");
    private static final byte[] REASON = bytes(",\"reason\":\"");
    private static final byte[] PAYLOAD_END = bytes("]}}");
    private static final byte[] PAYLOAD_SHA256 = bytes(",\"payloadSha256\":\"");
    private static final byte[] PREV_HASH = bytes(",\"prevHash\":\"");
    private static final byte[] RECORDED_AT = bytes(",\"recordedAt\":\"");
    private static final byte[] SEQUENCE = bytes(",\"sequence\":");
    private static final byte[] STREAM_ID = bytes(",\"streamId\":\"");
    private static final byte[] TYPE = bytes(",\"type\":\"");
    private static final byte[] V = bytes(",\"v\":");
    private static final byte[] OBJECT_END = bytes("}\n");

    private final ShapeCursor cursor = new ShapeCursor();
    byte[] raw;
    /** Each string member's text, as (from, to) of {@link #raw}; -1 for an optional member not there. */
    final Span eventId = new Span();
    final Span hash = new Span();
    final Span occurredAt = new Span();
    final Span accessId = new Span();
    final Span actor = new Span();
    final Span actorId = new Span();
    final Span kind = new Span();
    final Span subProcessor = new Span();
    final Span agreement = new Span();
    final Span categories = new Span();
    final Span country = new Span();
    final Span instruction = new Span();
    final Span accessOccurredAt = new Span();
    final Span purpose = new Span();
    final Span referenceData = new Span();
    final Span ciphertext = new Span();
    final Span keyId = new Span();
    final Span system = new Span();
    final Span verdict = new Span();
    final Span outcome = new Span();
    final Span payloadSha256 = new Span();
    final Span prevHash = new Span();
    final Span recordedAt = new Span();
    final Span streamId = new Span();
    final Span type = new Span();
    boolean instructionVerified;
    boolean recordedLate;
    long sequence;
    long v;
    /** The payload's bytes, its braces included; where the hash and payload members begin (their commas). */
    int payloadFrom;
    int payloadTo;
    int hashMember;
    int payloadMember;
    /** Each category's text and each violation's article and reason, as (from, to) pairs. */
    int[] categoryTexts = new int[16];
    int categoryCount;
    int[] violationTexts = new int[16];
    int violationCount;

    /** A span of the line; {@code from} is -1 for a member that is not there. */
    static final class Span {
        int from = -1;
        int to;
    }

    /** Whether {@code raw[from, to)} is an access's line of exactly this shape, its newline last. */
    boolean read(byte[] raw, int from, int to) {
        this.raw = raw;
        cursor.reset(raw, from, to);
        return envelopeBefore() && payload() && envelopeAfter() && cursor.at == to;
    }

    private boolean envelopeBefore() {
        ShapeCursor c = cursor;
        if (!(c.literal(EVENT_ID) && string(eventId))) {
            return false;
        }
        hashMember = c.at;
        if (!(c.literal(HASH) && string(hash) && c.literal(OCCURRED_AT) && string(occurredAt))) {
            return false;
        }
        payloadMember = c.at;
        if (!c.literal(PAYLOAD)) {
            return false;
        }
        payloadFrom = c.at;
        return true;
    }

    private boolean payload() {
        ShapeCursor c = cursor;
        if (!(c.literal(ACCESS_ID) && string(accessId))) {
            return false;
        }
        // The actor's object begins after its comma, name and colon: {"id":…}.
        actor.from = c.at + 9;
        if (!(c.literal(ACTOR_ID) && string(actorId) && c.literal(KIND) && string(kind)
                && optional(SUB_PROCESSOR, subProcessor))) {
            return false;
        }
        actor.to = c.at + 1;
        if (!(c.literal(AGREEMENT) && string(agreement) && categories() && optional(COUNTRY, country)
                && optional(INSTRUCTION, instruction) && c.literal(INSTRUCTION_VERIFIED) && c.bool())) {
            return false;
        }
        instructionVerified = c.bool;
        if (!(c.literal(ACCESS_OCCURRED_AT) && string(accessOccurredAt) && c.literal(PURPOSE) && string(purpose)
                && c.literal(RECORDED_LATE) && c.bool())) {
            return false;
        }
        recordedLate = c.bool;
        if (!(c.literal(REFERENCE_DATA) && string(referenceData) && c.literal(CIPHERTEXT) && string(ciphertext)
                && c.literal(KEY_ID) && string(keyId))) {
            return false;
        }
        if (!optional(SYSTEM, system)) {
            return false;
        }
        boolean withSystem = system.from >= 0;
        // The verdict's object begins after the brace closing the subject (unless a system came between), comma, name, colon.
        verdict.from = c.at + (withSystem ? 11 : 12);
        if (!((withSystem ? c.literal(VERDICT_AFTER_SYSTEM) : c.literal(VERDICT_AFTER_SUBJECT)) && string(outcome)
                && c.literal(VIOLATIONS) && violations() && c.literal(PAYLOAD_END))) {
            return false;
        }
        verdict.to = c.at - 1;
        payloadTo = c.at;
        return true;
    }

    private boolean envelopeAfter() {
        ShapeCursor c = cursor;
        if (!(c.literal(PAYLOAD_SHA256) && string(payloadSha256) && c.literal(PREV_HASH) && string(prevHash)
                && c.literal(RECORDED_AT) && string(recordedAt) && c.literal(SEQUENCE) && c.integer())) {
            return false;
        }
        sequence = c.integer;
        if (!(c.literal(STREAM_ID) && string(streamId) && c.literal(TYPE) && string(type) && c.literal(V) && c.integer())) {
            return false;
        }
        v = c.integer;
        return c.literal(OBJECT_END);
    }

    /** A list of plain strings: {@code ["A","B"]}, or {@code []}. */
    private boolean categories() {
        ShapeCursor c = cursor;
        if (!c.literal(CATEGORIES)) {
            return false;
        }
        categories.from = c.at - 1;
        categoryCount = 0;
        if (c.peek() != ']') {
            do {
                if (!(c.next('"') && c.string())) {
                    return false;
                }
                categoryTexts = pair(categoryTexts, categoryCount++, c.from, c.to);
            } while (c.next(','));
        }
        if (!c.next(']')) {
            return false;
        }
        categories.to = c.at;
        return true;
    }

    /** Violations each with its article and reason, in that order; or none. */
    private boolean violations() {
        ShapeCursor c = cursor;
        violationCount = 0;
        if (c.peek() == ']') {
            return true;
        }
        do {
            if (!(c.literal(ARTICLE) && c.string())) {
                return false;
            }
            int article = c.from;
            int articleEnd = c.to;
            if (!(c.literal(REASON) && c.string() && c.next('}'))) {
                return false;
            }
            violationTexts = pair(violationTexts, 2 * violationCount, article, articleEnd);
            violationTexts = pair(violationTexts, 2 * violationCount + 1, c.from, c.to);
            violationCount++;
        } while (c.next(','));
        return true;
    }

    /** A string member that may be left out: there when its name is next, else not. */
    private boolean optional(byte[] member, Span span) {
        if (!cursor.startsWith(member)) {
            span.from = -1;
            return true;
        }
        cursor.at += member.length;
        return string(span);
    }

    private boolean string(Span span) {
        if (!cursor.string()) {
            return false;
        }
        span.from = cursor.from;
        span.to = cursor.to;
        return true;
    }

    private static int[] pair(int[] pairs, int index, int start, int end) {
        int[] grown = pairs.length < 2 * index + 2 ? java.util.Arrays.copyOf(pairs, pairs.length * 2) : pairs;
        grown[2 * index] = start;
        grown[2 * index + 1] = end;
        return grown;
    }
}
