package nl.evidencestore.shared.evidence.verify;

import static nl.evidencestore.shared.evidence.verify.AccessLineShape.ACCESS_ID;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.ACCESS_OCCURRED_AT;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.ACTOR_ID;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.AGREEMENT;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.CIPHERTEXT;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.COUNTRY;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.INSTRUCTION;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.KEY_ID;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.KIND;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.OUTCOME;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.PURPOSE;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.REFERENCE_DATA;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.SUB_PROCESSOR;
import static nl.evidencestore.shared.evidence.verify.AccessLineShape.SYSTEM;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import nl.evidencestore.shared.event.access.AccessRecorded;
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
 * An access made from the places of its plain line ({@link AccessLineShape}) as
 * {@code AccessPayload} makes it from the payload: the same constructors, so a value they refuse
 * throws as it would there. What consecutive lines share (agreement, actor, purpose, categories,
 * country, system, verdict, …) is the line before's value again when its bytes are the same
 * ({@link RecentValues}). One per thread.
 */
final class PlainAccess {
    // A string member's value is kept in the member's own slot; these three are the whole objects'.
    private static final int ACTOR = AccessLineShape.SLOTS;
    private static final int CATEGORIES = ACTOR + 1;
    private static final int VERDICT = ACTOR + 2;
    private final RecentValues recent = new RecentValues(VERDICT + 1, 8);
    private final MinuteInstants instants = new MinuteInstants();
    private AccessLineShape shape;
    private byte[] raw;

    /** The access of the line {@code shape} read from {@code raw}; null where {@code AccessPayload} would leave it to the mapper. */
    AccessRecorded read(byte[] raw, AccessLineShape shape) {
        this.raw = raw;
        this.shape = shape;
        return access();
    }

    private AccessRecorded access() {
        Instant occurredAt = instants.parse(raw, shape.from[ACCESS_OCCURRED_AT], shape.to[ACCESS_OCCURRED_AT]);
        if (occurredAt == null) {
            return null;
        }
        return new AccessRecorded(value(AGREEMENT, AgreementId::of), shape.text(raw, ACCESS_ID), actor(),
                value(PURPOSE, Purpose::of), value(INSTRUCTION, Function.identity()), categories(),
                new SealedSubject(value(KEY_ID, Function.identity()), shape.text(raw, CIPHERTEXT)),
                value(COUNTRY, Country::of), value(SYSTEM, Function.identity()), occurredAt, verdict(),
                shape.instructionVerified(), shape.recordedLate(), value(REFERENCE_DATA, Function.identity()));
    }

    /** What {@code make} makes of a string member's text, the same as the line before's when its bytes are; null when it is not there. */
    private <T> T value(int member, Function<String, T> make) {
        AccessLineShape s = shape;
        return s.from[member] < 0 ? null : recent.of(member, raw, s.from[member], s.to[member], make);
    }

    private Actor actor() {
        AccessLineShape s = shape;
        Object last = recent.last(ACTOR, raw, s.actorFrom(), s.actorTo());
        if (last != null) {
            return (Actor) last;
        }
        Actor actor = new Actor(s.text(raw, ACTOR_ID), ActorKind.valueOf(s.text(raw, KIND)),
                s.from[SUB_PROCESSOR] < 0 ? null : s.text(raw, SUB_PROCESSOR));
        return recent.keep(ACTOR, raw, s.actorFrom(), s.actorTo(), actor);
    }

    private List<DataCategory> categories() {
        AccessLineShape s = shape;
        @SuppressWarnings("unchecked")
        List<DataCategory> last = (List<DataCategory>) recent.last(CATEGORIES, raw, s.categoriesFrom(), s.categoriesTo());
        if (last != null) {
            return last;
        }
        List<DataCategory> categories = new ArrayList<>(s.categoryCount);
        for (int i = 0; i < s.categoryCount; i++) {
            categories.add(DataCategory.of(RecentValues.text(raw, s.categoryTexts[2 * i], s.categoryTexts[2 * i + 1])));
        }
        return recent.keep(CATEGORIES, raw, s.categoriesFrom(), s.categoriesTo(), List.copyOf(categories));
    }

    private Verdict verdict() {
        AccessLineShape s = shape;
        Object last = recent.last(VERDICT, raw, s.verdictFrom(), s.verdictTo());
        if (last != null) {
            return (Verdict) last;
        }
        List<Violation> violations = new ArrayList<>(s.violationCount);
        int[] texts = s.violationTexts;
        for (int i = 0; i < s.violationCount; i++) {
            violations.add(new Violation(RecentValues.text(raw, texts[4 * i], texts[4 * i + 1]),
                    RecentValues.text(raw, texts[4 * i + 2], texts[4 * i + 3])));
        }
        Verdict verdict = new Verdict(Verdict.Outcome.valueOf(s.text(raw, OUTCOME)), violations);
        return recent.keep(VERDICT, raw, s.verdictFrom(), s.verdictTo(), verdict);
    }
}
