package nl.evidencestore.shared.evidence.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.json.IsoInstant;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.subject.SealedSubject;

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
    // The slots of RecentValues, and those of RecentTexts that CanonicalLine uses for the same members.
    private static final int AGREEMENT = 0;
    private static final int ACTOR = 1;
    private static final int PURPOSE = 2;
    private static final int INSTRUCTION = 3;
    private static final int CATEGORIES = 4;
    private static final int COUNTRY = 5;
    private static final int OCCURRED_AT = 6;
    private static final int REFERENCE_DATA = 7;
    private static final int KEY_ID = 8;
    private static final int SYSTEM = 9;
    private static final int VERDICT = 10;
    private static final int HASH = 11;
    private static final int TEXT_OCCURRED_AT = 2;
    private static final int TEXT_RECORDED_AT = 6;
    private static final int TEXT_STREAM_ID = 8;
    private static final int TEXT_TYPE = 9;
    private final AccessLineShape shape = new AccessLineShape();
    private final RecentValues recent = new RecentValues(12);
    private final RecentTexts texts = RecentTexts.ofThisThread();
    private final MessageDigest sha256 = CanonicalLine.sha256();

    /** The facts of {@code raw[from, to)} as {@link LineFacts#of} gives them, when it is an access of the plain shape; else null. */
    static LineFacts facts(long number, byte[] raw, int from, int to, BundleScope scope) {
        return READERS.get().read(number, raw, from, to, scope);
    }

    private LineFacts read(long number, byte[] raw, int from, int to, BundleScope scope) {
        AccessLineShape s = shape;
        if (!s.read(raw, from, to) || !Arrays.equals(raw, s.type.from, s.type.to, ACCESS, 0, ACCESS.length)) {
            return null;
        }
        EventLine line;
        AccessRecorded access;
        try {
            line = line(raw);
            access = line == null ? null : access(raw);
        } catch (RuntimeException e) {
            // A value its constructor refuses: the general reader says what it makes of it.
            return null;
        }
        if (access == null) {
            return null;
        }
        return LineFacts.decoded(number, line, true, payloadHashHolds(raw), eventHashHolds(raw, from, to), scope, access);
    }

    /** The line as {@link CanonicalLine} builds it; null where its instants are not in their one form. */
    private EventLine line(byte[] raw) {
        AccessLineShape s = shape;
        String occurredAt = texts.text(TEXT_OCCURRED_AT, raw, s.occurredAt.from, s.occurredAt.to);
        String recordedAt = texts.text(TEXT_RECORDED_AT, raw, s.recordedAt.from, s.recordedAt.to);
        Instant occurred = texts.instant(TEXT_OCCURRED_AT, occurredAt);
        Instant recorded = texts.instant(TEXT_RECORDED_AT, recordedAt);
        if (occurred == null || recorded == null) {
            return null;
        }
        // A chain's prevHash is the hash of the line before it, mostly read just before: that string again.
        Object previous = recent.last(HASH, raw, s.prevHash.from, s.prevHash.to);
        String prevHash = previous != null ? (String) previous : RecentValues.text(raw, s.prevHash.from, s.prevHash.to);
        String hash = recent.keep(HASH, raw, s.hash.from, s.hash.to, RecentValues.text(raw, s.hash.from, s.hash.to));
        EventEnvelope envelope = new EventEnvelope(Math.toIntExact(s.v), RecentValues.text(raw, s.eventId.from, s.eventId.to),
                texts.text(TEXT_TYPE, raw, s.type.from, s.type.to), texts.text(TEXT_STREAM_ID, raw, s.streamId.from, s.streamId.to),
                s.sequence, occurred, recorded, prevHash, RecentValues.text(raw, s.payloadSha256.from, s.payloadSha256.to));
        return new EventLine(envelope, hash, Arrays.copyOfRange(raw, s.payloadFrom, s.payloadTo));
    }

    /** The access as {@code AccessPayload} reads it; null where it would leave the payload to the mapper. */
    private AccessRecorded access(byte[] raw) {
        AccessLineShape s = shape;
        Instant occurredAt = recent.of(OCCURRED_AT, raw, s.accessOccurredAt.from, s.accessOccurredAt.to, IsoInstant::parse);
        if (occurredAt == null) {
            return null;
        }
        return new AccessRecorded(recent.of(AGREEMENT, raw, s.agreement.from, s.agreement.to, AgreementId::of),
                RecentValues.text(raw, s.accessId.from, s.accessId.to), actor(raw),
                recent.of(PURPOSE, raw, s.purpose.from, s.purpose.to, Purpose::of), optional(INSTRUCTION, raw, s.instruction),
                categories(raw),
                new SealedSubject(recent.of(KEY_ID, raw, s.keyId.from, s.keyId.to, Function.identity()),
                        RecentValues.text(raw, s.ciphertext.from, s.ciphertext.to)),
                s.country.from < 0 ? null : recent.of(COUNTRY, raw, s.country.from, s.country.to, Country::of),
                optional(SYSTEM, raw, s.system), occurredAt, verdict(raw), s.instructionVerified, s.recordedLate,
                recent.of(REFERENCE_DATA, raw, s.referenceData.from, s.referenceData.to, Function.identity()));
    }

    private String optional(int slot, byte[] raw, AccessLineShape.Span span) {
        return span.from < 0 ? null : recent.of(slot, raw, span.from, span.to, Function.identity());
    }

    private Actor actor(byte[] raw) {
        AccessLineShape s = shape;
        Object last = recent.last(ACTOR, raw, s.actor.from, s.actor.to);
        if (last != null) {
            return (Actor) last;
        }
        Actor actor = new Actor(RecentValues.text(raw, s.actorId.from, s.actorId.to),
                ActorKind.valueOf(RecentValues.text(raw, s.kind.from, s.kind.to)),
                s.subProcessor.from < 0 ? null : RecentValues.text(raw, s.subProcessor.from, s.subProcessor.to));
        return recent.keep(ACTOR, raw, s.actor.from, s.actor.to, actor);
    }

    private List<DataCategory> categories(byte[] raw) {
        AccessLineShape s = shape;
        @SuppressWarnings("unchecked")
        List<DataCategory> last = (List<DataCategory>) recent.last(CATEGORIES, raw, s.categories.from, s.categories.to);
        if (last != null) {
            return last;
        }
        List<DataCategory> categories = new ArrayList<>(s.categoryCount);
        for (int i = 0; i < s.categoryCount; i++) {
            categories.add(DataCategory.of(RecentValues.text(raw, s.categoryTexts[2 * i], s.categoryTexts[2 * i + 1])));
        }
        return recent.keep(CATEGORIES, raw, s.categories.from, s.categories.to, List.copyOf(categories));
    }

    private Verdict verdict(byte[] raw) {
        AccessLineShape s = shape;
        Object last = recent.last(VERDICT, raw, s.verdict.from, s.verdict.to);
        if (last != null) {
            return (Verdict) last;
        }
        List<Violation> violations = new ArrayList<>(s.violationCount);
        int[] texts = s.violationTexts;
        for (int i = 0; i < s.violationCount; i++) {
            violations.add(new Violation(RecentValues.text(raw, texts[4 * i], texts[4 * i + 1]),
                    RecentValues.text(raw, texts[4 * i + 2], texts[4 * i + 3])));
        }
        Verdict verdict = new Verdict(Verdict.Outcome.valueOf(RecentValues.text(raw, s.outcome.from, s.outcome.to)), violations);
        return recent.keep(VERDICT, raw, s.verdict.from, s.verdict.to, verdict);
    }

    private boolean payloadHashHolds(byte[] raw) {
        AccessLineShape s = shape;
        sha256.update(raw, s.payloadFrom, s.payloadTo - s.payloadFrom);
        return isHexOf(sha256.digest(), raw, s.payloadSha256.from, s.payloadSha256.to);
    }

    /** As {@link CanonicalLine#eventHashHolds}: the line's bytes without its hash and payload members, and its newline. */
    private boolean eventHashHolds(byte[] raw, int from, int to) {
        AccessLineShape s = shape;
        int hashEnd = s.hash.to + 1;
        sha256.update(raw, from, s.hashMember - from);
        sha256.update(raw, hashEnd, s.payloadMember - hashEnd);
        sha256.update(raw, s.payloadTo, to - 1 - s.payloadTo);
        return isHexOf(sha256.digest(), raw, s.hash.from, s.hash.to);
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
