package nl.evidencestore.shared.evidence;

import static nl.evidencestore.shared.evidence.AccessMembers.ACCESS;
import static nl.evidencestore.shared.evidence.AccessMembers.ACTOR;
import static nl.evidencestore.shared.evidence.AccessMembers.SUBJECT;
import static nl.evidencestore.shared.evidence.AccessMembers.VERDICT;
import static nl.evidencestore.shared.evidence.AccessMembers.VIOLATION;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.verify.MemberNames;
import nl.evidencestore.shared.json.IsoInstant;
import nl.evidencestore.shared.json.JcsScanner;
import nl.evidencestore.shared.json.Swar;
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
 * An {@link AccessRecorded} read from its canonical payload bytes without the general JSON
 * mapper: nearly every line of a bundle is one, and mapping each costs more than everything
 * else the verifier does with it. Only the shape the store writes is read, through the same
 * record constructors; anything else (an unknown or null member, a missing flag, another
 * instant form, a value a constructor refuses) returns null, and the mapper decides as before.
 * A test holds the result to the mapper's on random accesses.
 */
public final class AccessPayload {
    private static final Shape SHAPE = new Shape();
    private static final ThreadLocal<Made> MADE = ThreadLocal.withInitial(Made::new);
    private final byte[] json;
    private final Made made = MADE.get();
    private int at;

    private AccessPayload(byte[] json, int from) {
        this.json = json;
        this.at = from;
    }

    /**
     * The access in {@code json[from, to)}, bytes that passed {@link JcsScanner}; null when the
     * mapper must decide. The exporter reads stored lines, and the query side's feed the
     * accesses it is sent, with it too.
     */
    public static AccessRecorded read(byte[] json, int from, int to) {
        try {
            AccessPayload reader = new AccessPayload(json, from);
            AccessRecorded access = reader.access();
            return reader.at == to ? access : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private AccessRecorded access() {
        Fields f = new Fields();
        members(ACCESS, name -> {
            switch (name) {
                case 0 -> f.accessId = string();
                case 1 -> f.actor = actor();
                case 2 -> f.agreementId = made.of(AgreementId.class, string(), AgreementId::of);
                case 3 -> f.categories = categories();
                case 4 -> f.country = made.of(Country.class, string(), Country::of);
                case 5 -> f.instructionRef = string();
                case 6 -> f.instructionVerified = bool();
                case 7 -> f.occurredAt = instant(string());
                case 8 -> f.purpose = made.of(Purpose.class, string(), Purpose::of);
                case 9 -> f.recordedLate = bool();
                case 10 -> f.referenceData = string();
                case 11 -> f.subject = subject();
                case 12 -> f.system = string();
                default -> f.verdict = verdict();
            }
        });
        if (f.instructionVerified == null || f.recordedLate == null) {
            throw SHAPE;
        }
        return new AccessRecorded(f.agreementId, f.accessId, f.actor, f.purpose, f.instructionRef, f.categories,
                f.subject, f.country, f.system, f.occurredAt, f.verdict, f.instructionVerified, f.recordedLate,
                f.referenceData);
    }

    /** The members as written; a missing one stays null, as the mapper leaves it. */
    private static final class Fields {
        String accessId;
        Actor actor;
        AgreementId agreementId;
        List<DataCategory> categories;
        Country country;
        String instructionRef;
        Boolean instructionVerified;
        Instant occurredAt;
        Purpose purpose;
        Boolean recordedLate;
        String referenceData;
        SealedSubject subject;
        String system;
        Verdict verdict;
    }

    private Actor actor() {
        String[] values = new String[3];
        members(ACTOR, name -> values[name] = string());
        String key = keyPart(values[0]) + keyPart(values[1]) + keyPart(values[2]);
        return made.of(Actor.class, key, k -> new Actor(values[0], values[1] == null ? null : ActorKind.valueOf(values[1]), values[2]));
    }

    /** One part of a key made of several texts: no two different lists of texts (nulls included) give one key. */
    private static String keyPart(String value) {
        return value == null ? "\u0000" : value.length() + ":" + value;
    }

    private SealedSubject subject() {
        String[] values = new String[2];
        members(SUBJECT, name -> values[name] = string());
        return new SealedSubject(values[1], values[0]);
    }

    private Verdict verdict() {
        Object[] values = new Object[2];
        members(VERDICT, name -> values[name] = name == 0 ? Verdict.Outcome.valueOf(string()) : violations());
        @SuppressWarnings("unchecked")
        List<Violation> violations = (List<Violation>) values[1];
        if (violations == null) {
            throw SHAPE;
        }
        return new Verdict((Verdict.Outcome) values[0], violations);
    }

    private List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        elements(() -> {
            String[] values = new String[2];
            members(VIOLATION, name -> values[name] = string());
            violations.add(new Violation(values[0], values[1]));
        });
        return violations;
    }

    private List<DataCategory> categories() {
        List<DataCategory> categories = new ArrayList<>();
        elements(() -> categories.add(made.of(DataCategory.class, string(), DataCategory::of)));
        return categories;
    }

    private interface Member {
        void value(int name);
    }

    /** Reads an object, handing the index of each member's name among {@code names} to {@code member}, which reads its value. */
    private void members(MemberNames names, Member member) {
        expect('{');
        if (json[at] == '}') {
            at++;
            return;
        }
        int last = -1;
        do {
            expect('"');
            int from = at;
            while (json[at] != '"') {
                at++;
            }
            last = names.find(json, from, at++, last);
            if (last < 0) {
                throw SHAPE;
            }
            expect(':');
            member.value(last);
        } while (json[at++] == ',');
        if (json[at - 1] != '}') {
            throw SHAPE;
        }
    }

    private void elements(Runnable element) {
        expect('[');
        if (json[at] == ']') {
            at++;
            return;
        }
        do {
            element.run();
        } while (json[at++] == ',');
        if (json[at - 1] != ']') {
            throw SHAPE;
        }
    }

    /** A string's text; its bytes are canonical, so the first quote not escaped ends it. */
    private String string() {
        expect('"');
        int from = at;
        // Plain ASCII is stepped over eight bytes at a time; the loop below reads the rest.
        at = Swar.plainAscii(json, at, json.length);
        boolean ascii = true;
        for (byte c = json[at]; c != '"'; c = json[at]) {
            ascii &= c > 0 && c != '\\';
            at += c == '\\' ? 2 : 1;
        }
        // Plain ASCII, as nearly every value is, becomes a string with one copy and no decoding.
        return ascii ? new String(json, from, at++ - from, StandardCharsets.ISO_8859_1) : JcsScanner.text(json, from, at++);
    }

    private boolean bool() {
        if (json[at] == 't') {
            at += 4;
            return true;
        }
        if (json[at] == 'f') {
            at += 5;
            return false;
        }
        throw SHAPE;
    }

    private void expect(char c) {
        if (json[at++] != c) {
            throw SHAPE;
        }
    }

    /**
     * What Jackson writes for an instant ({@link Instant#toString}), read as {@link IsoInstant}
     * reads it for the mapper too. Other forms, which the mapper might read otherwise, go to it.
     */
    private static Instant instant(String text) {
        Instant instant = IsoInstant.parse(text);
        if (instant == null) {
            throw SHAPE;
        }
        return instant;
    }

    /**
     * Value objects met again and again (one agreement, a few purposes, countries, categories
     * and actors), made once per thread: a record made from the same text is an equal record,
     * and a text a constructor refuses is never kept.
     */
    private static final class Made {
        private static final int MOST = 10_000;
        private final Map<Class<?>, Map<String, Object>> made = new HashMap<>();

        <T> T of(Class<T> type, String text, Function<String, T> make) {
            Map<String, Object> ofType = made.computeIfAbsent(type, t -> new HashMap<>());
            Object value = ofType.get(text);
            if (value == null) {
                value = make.apply(text);
                if (ofType.size() >= MOST) {
                    ofType.clear();
                }
                ofType.put(text, value);
            }
            return type.cast(value);
        }
    }

    /** Not the shape this reader knows: the mapper decides. Shared and without a stack trace. */
    private static final class Shape extends RuntimeException {
        Shape() {
            super("not the shape of an access", null, false, false);
        }
    }
}
