package nl.evidencestore.shared.event.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.subject.SealedSubject;
import org.junit.jupiter.api.Test;

/** The access written member by member is exactly what the general JCS canonicaliser makes of it. */
class CanonicalAccessTest {
    private static final String ALPHABET = "aZ09-_/.:\"\\\b\f\n\r\t\u0000\u0001\u001f\u007f\u00e9\u2028\u20ac ";

    @Test
    void writesTheSameBytesAsTheGeneralCanonicaliser() {
        Random random = new Random(11);
        for (int i = 0; i < 3_000; i++) {
            AccessRecorded access = access(random);
            byte[] written = CanonicalAccess.write(access);
            assertThat(written).as("no surrogates here").isNotNull();
            assertThat(new String(written, StandardCharsets.UTF_8))
                    .isEqualTo(new String(Json.canonical(access), StandardCharsets.UTF_8));
        }
    }

    @Test
    void leavesSurrogatesToTheGeneralCanonicaliser() {
        AccessRecorded access = withSystem(access(new Random(3)), "emoji \ud83d\ude00");
        assertThat(CanonicalAccess.write(access)).isNull();
        AccessRecorded inAViolation = new AccessRecorded(access.agreementId(), access.accessId(), access.actor(),
                access.purpose(), null, access.categories(), access.subject(), access.country(), "plain",
                access.occurredAt(), Verdict.of(List.of(new Violation("1.1", "lone \ud83d"))), false, false, null);
        assertThat(CanonicalAccess.write(inAViolation)).isNull();
    }

    private static AccessRecorded access(Random random) {
        ActorKind kind = ActorKind.values()[random.nextInt(ActorKind.values().length)];
        Actor actor = new Actor("actor-" + random.nextInt(100), kind,
                kind == ActorKind.SUB_PROCESSOR ? "sp-" + random.nextInt(5) : null);
        List<DataCategory> categories = new ArrayList<>();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            categories.add(DataCategory.of(random.nextBoolean() ? "SURNAME" : "DENTAL_PHOTOS"));
        }
        List<Violation> violations = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            violations.add(new Violation(text(random), random.nextInt(5) == 0 ? null : text(random)));
        }
        return new AccessRecorded(AgreementId.of("agr-" + random.nextInt(50)), text(random), actor,
                Purpose.of("REMOTE_SUPPORT"), random.nextBoolean() ? null : text(random), categories,
                random.nextInt(5) == 0 ? null : new SealedSubject("key-" + random.nextInt(9), "q83vEjRWeJA="),
                Country.of(random.nextBoolean() ? "NL" : "IN"), text(random),
                Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(3) * 1_000L * random.nextInt(1_000_000)),
                Verdict.of(violations), random.nextBoolean(), random.nextBoolean(),
                random.nextBoolean() ? null : text(random), random.nextBoolean());
    }

    private static AccessRecorded withSystem(AccessRecorded a, String system) {
        return new AccessRecorded(a.agreementId(), a.accessId(), a.actor(), a.purpose(), a.instructionRef(),
                a.categories(), a.subject(), a.country(), system, a.occurredAt(), a.verdict(), a.instructionVerified(),
                a.recordedLate(), a.referenceData(), a.instructionOfAnotherAgreement());
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder("x");
        for (int n = random.nextInt(12); n > 0; n--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
