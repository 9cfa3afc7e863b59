package nl.evidencestore.shared.evidence.verify;

import java.util.Arrays;

/**
 * Where each member of an access's line lies, read by one walk over the shape the store writes:
 * the envelope's members and the access's, each in its JCS order, every value plain
 * ({@link ShapeCursor}). Bytes that pass are their own RFC 8785 form: no whitespace, the names
 * in order and each once, strings that need no escape, integers in their one form. Any other
 * line (another type, a stub, an escape, a member more or less) fails the walk, and the general
 * scanner reads it. The shape is a table of steps walked by one loop, so the compiler compiles
 * each kind of step once, not once per member. Reused line after line on one thread; nothing
 * here makes a string.
 */
final class AccessLineShape {
    // The values, by slot: where each string's text lies (from[slot] is -1 for an optional member not there).
    static final int EVENT_ID = 0;
    static final int HASH = 1;
    static final int OCCURRED_AT = 2;
    static final int ACCESS_ID = 3;
    static final int ACTOR_ID = 4;
    static final int KIND = 5;
    static final int SUB_PROCESSOR = 6;
    static final int AGREEMENT = 7;
    static final int COUNTRY = 8;
    static final int INSTRUCTION = 9;
    static final int ACCESS_OCCURRED_AT = 10;
    static final int PURPOSE = 11;
    static final int REFERENCE_DATA = 12;
    static final int CIPHERTEXT = 13;
    static final int KEY_ID = 14;
    static final int SYSTEM = 15;
    static final int OUTCOME = 16;
    static final int PAYLOAD_SHA256 = 17;
    static final int PREV_HASH = 18;
    static final int RECORDED_AT = 19;
    static final int STREAM_ID = 20;
    static final int TYPE = 21;
    static final int SLOTS = 22;
    // What follows a step's bytes.
    private static final int NOTHING = 0;
    private static final int STRING = 1;
    private static final int OPTIONAL_STRING = 2;
    private static final int BOOL = 3;
    private static final int INTEGER = 4;
    private static final int CATEGORIES = 5;
    private static final int VIOLATIONS = 6;
    /** The names that begin the actor's and the verdict's objects, whose spans a row and the figures take. */
    private static final String ACTOR_MEMBER = ",\"actor\":";
    private static final String VERDICT_MEMBER = ",\"verdict\":";

    /** The shape, step by step: the bytes, what value follows them, and where a string's place is kept. */
    private static final Step[] STEPS = {
        new Step("{\"eventId\":\"", STRING, EVENT_ID),
        new Step(",\"hash\":\"", STRING, HASH),
        new Step(",\"occurredAt\":\"", STRING, OCCURRED_AT),
        new Step(",\"payload\":", NOTHING, -1),
        new Step("{\"accessId\":\"", STRING, ACCESS_ID),
        new Step(ACTOR_MEMBER + "{\"id\":\"", STRING, ACTOR_ID),
        new Step(",\"kind\":\"", STRING, KIND),
        new Step(",\"subProcessorId\":\"", OPTIONAL_STRING, SUB_PROCESSOR),
        new Step("},\"agreementId\":\"", STRING, AGREEMENT),
        new Step(",\"categories\":[", CATEGORIES, -1),
        new Step(",\"country\":\"", OPTIONAL_STRING, COUNTRY),
        new Step(",\"instructionRef\":\"", OPTIONAL_STRING, INSTRUCTION),
        new Step(",\"instructionVerified\":", BOOL, -1),
        new Step(",\"occurredAt\":\"", STRING, ACCESS_OCCURRED_AT),
        new Step(",\"purpose\":\"", STRING, PURPOSE),
        new Step(",\"recordedLate\":", BOOL, -1),
        new Step(",\"referenceData\":\"", STRING, REFERENCE_DATA),
        new Step(",\"subject\":{\"ciphertext\":\"", STRING, CIPHERTEXT),
        new Step(",\"keyId\":\"", STRING, KEY_ID),
        new Step("}", NOTHING, -1),
        new Step(",\"system\":\"", OPTIONAL_STRING, SYSTEM),
        new Step(VERDICT_MEMBER + "{\"verdict\":\"", STRING, OUTCOME),
        new Step(",\"violations\":[", VIOLATIONS, -1),
        new Step("]}}", NOTHING, -1),
        new Step(",\"payloadSha256\":\"", STRING, PAYLOAD_SHA256),
        new Step(",\"prevHash\":\"", STRING, PREV_HASH),
        new Step(",\"recordedAt\":\"", STRING, RECORDED_AT),
        new Step(",\"sequence\":", INTEGER, -1),
        new Step(",\"streamId\":\"", STRING, STREAM_ID),
        new Step(",\"type\":\"", STRING, TYPE),
        new Step(",\"v\":", INTEGER, -1),
        new Step("}\n", NOTHING, -1),
    };

    private record Step(byte[] bytes, int value, int slot) {
        Step(String bytes, int value, int slot) {
            this(ShapeCursor.bytes(bytes), value, slot);
        }
    }

    // Steps whose places mark a span: the members cut from the envelope's hash, the payload, the actor, the verdict.
    private static final int HASH_STEP = stepOf(",\"hash\":\"");
    private static final int PAYLOAD_STEP = stepOf(",\"payload\":");
    private static final int ACTOR_STEP = stepOf(ACTOR_MEMBER + "{\"id\":\"");
    private static final int AGREEMENT_STEP = stepOf("},\"agreementId\":\"");
    private static final int CATEGORIES_STEP = stepOf(",\"categories\":[");
    private static final int INSTRUCTION_VERIFIED_STEP = stepOf(",\"instructionVerified\":");
    private static final int RECORDED_LATE_STEP = stepOf(",\"recordedLate\":");
    private static final int VERDICT_STEP = stepOf(VERDICT_MEMBER + "{\"verdict\":\"");
    private static final int PAYLOAD_END_STEP = stepOf("]}}");
    private static final int PAYLOAD_SHA256_STEP = stepOf(",\"payloadSha256\":\"");
    private static final int SEQUENCE_STEP = stepOf(",\"sequence\":");
    private static final int V_STEP = stepOf(",\"v\":");

    /** The one step of exactly these bytes: the table decides where a span begins, not a number kept beside it. */
    private static int stepOf(String bytes) {
        byte[] wanted = ShapeCursor.bytes(bytes);
        int found = -1;
        for (int step = 0; step < STEPS.length; step++) {
            if (Arrays.equals(STEPS[step].bytes, wanted)) {
                if (found >= 0) {
                    throw new IllegalStateException("two steps of " + bytes);
                }
                found = step;
            }
        }
        if (found < 0) {
            throw new IllegalStateException("no step of " + bytes);
        }
        return found;
    }

    private final ShapeCursor cursor = new ShapeCursor();
    /** Where each step's bytes begin. */
    private final int[] steps = new int[STEPS.length];
    private final boolean[] bools = new boolean[STEPS.length];
    private final long[] integers = new long[STEPS.length];
    final int[] from = new int[SLOTS];
    final int[] to = new int[SLOTS];
    /** Each category's text, and each violation's article and reason, as (from, to) pairs. */
    int[] categoryTexts = new int[16];
    int categoryCount;
    int[] violationTexts = new int[16];
    int violationCount;

    /** Whether {@code raw[from, to)} is an access's line of exactly this shape, its newline last. */
    boolean read(byte[] raw, int lineFrom, int lineTo) {
        ShapeCursor c = cursor;
        c.reset(raw, lineFrom, lineTo);
        for (int step = 0; step < STEPS.length; step++) {
            steps[step] = c.at;
            Step shape = STEPS[step];
            if (shape.value == OPTIONAL_STRING && !c.startsWith(shape.bytes)) {
                from[shape.slot] = -1;
                continue;
            }
            if (!c.literal(shape.bytes) || !value(shape.value, step, shape.slot)) {
                return false;
            }
        }
        return c.at == lineTo;
    }

    private boolean value(int value, int step, int slot) {
        ShapeCursor c = cursor;
        switch (value) {
            case STRING, OPTIONAL_STRING -> {
                if (!c.string()) {
                    return false;
                }
                from[slot] = c.from;
                to[slot] = c.to;
                return true;
            }
            case BOOL -> {
                boolean read = c.bool();
                bools[step] = c.bool;
                return read;
            }
            case INTEGER -> {
                boolean read = c.integer();
                integers[step] = c.integer;
                return read;
            }
            case CATEGORIES -> {
                return categories();
            }
            case VIOLATIONS -> {
                return violations();
            }
            default -> {
                return true;
            }
        }
    }

    /** A list of plain strings: {@code ["A","B"]}, or {@code []}; its opening bracket was the step's. */
    private boolean categories() {
        ShapeCursor c = cursor;
        categoryCount = 0;
        if (c.next(']')) {
            return true;
        }
        do {
            if (!(c.next('"') && c.string())) {
                return false;
            }
            categoryTexts = pair(categoryTexts, categoryCount++, c.from, c.to);
        } while (c.next(','));
        return c.next(']');
    }

    private static final byte[] ARTICLE = ShapeCursor.bytes("{\"article\":\"");
    private static final byte[] REASON = ShapeCursor.bytes(",\"reason\":\"");

    /** Violations each with its article and reason, in that order; or none. The closing bracket is the next step's. */
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

    /** A string member's text in {@code raw}, made anew: a value no other line shares. */
    String text(byte[] raw, int slot) {
        return RecentValues.text(raw, from[slot], to[slot]);
    }

    boolean instructionVerified() {
        return bools[INSTRUCTION_VERIFIED_STEP];
    }

    boolean recordedLate() {
        return bools[RECORDED_LATE_STEP];
    }

    long sequence() {
        return integers[SEQUENCE_STEP];
    }

    long v() {
        return integers[V_STEP];
    }

    /** Where the hash member begins (its comma): the envelope's hash covers the line without it. */
    int hashMember() {
        return steps[HASH_STEP];
    }

    /** Where the payload member begins (its comma). */
    int payloadMember() {
        return steps[PAYLOAD_STEP];
    }

    /** The payload's bytes, its braces included. */
    int payloadFrom() {
        return steps[PAYLOAD_STEP + 1];
    }

    int payloadTo() {
        return steps[PAYLOAD_SHA256_STEP];
    }

    /** The actor's object, its braces included: after its comma, name and colon, up to the agreement's step. */
    int actorFrom() {
        return steps[ACTOR_STEP] + ACTOR_MEMBER.length();
    }

    int actorTo() {
        return steps[AGREEMENT_STEP] + 1;
    }

    /** The categories' list, its brackets included. */
    int categoriesFrom() {
        return steps[CATEGORIES_STEP] + STEPS[CATEGORIES_STEP].bytes.length - 1;
    }

    int categoriesTo() {
        return steps[CATEGORIES_STEP + 1];
    }

    /** The verdict's object, its braces included: after its comma, name and colon, up to the payload's last bracket. */
    int verdictFrom() {
        return steps[VERDICT_STEP] + VERDICT_MEMBER.length();
    }

    int verdictTo() {
        return steps[PAYLOAD_END_STEP] + 2;
    }

    private static int[] pair(int[] pairs, int index, int start, int end) {
        int[] grown = pairs.length < 2 * index + 2 ? Arrays.copyOf(pairs, pairs.length * 2) : pairs;
        grown[2 * index] = start;
        grown[2 * index + 1] = end;
        return grown;
    }
}
