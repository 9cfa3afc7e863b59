package nl.evidencestore.shared.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.json.JcsScanner;
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

/** The fast reader gives what the mapper gives, or leaves the payload to it. */
class AccessPayloadTest {
    private static final ObjectMapper MAPPER = Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void readsRandomAccessesAsTheMapperDoes() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 3_000; i++) {
            byte[] payload = Json.canonical(access(random));
            assertThat(read(payload)).as(new String(payload, StandardCharsets.UTF_8))
                    .isNotNull().isEqualTo(MAPPER.readValue(payload, AccessRecorded.class));
        }
    }

    @Test
    void leavesEverythingElseToTheMapper() {
        String access = new String(Json.canonical(new AccessRecorded(AgreementId.of("agr-a"), "acc-1",
                new Actor("e-1", ActorKind.EMPLOYEE, null), Purpose.of("REMOTE_SUPPORT"), "ins-1", List.of(DataCategory.of("BSN")),
                new SealedSubject("key-1", "c3ViamVjdA=="), Country.of("NL"), "pacs", Instant.parse("2026-03-01T10:00:00Z"),
                Verdict.of(List.of()), true, false, "eea-adequacy-2025-06")), StandardCharsets.UTF_8);
        int checked = 0;
        for (String other : List.of(access.replace("\"accessId\":", "\"accessIdx\":"),
                access.replace("\"instructionVerified\":true,", "").replace("\"instructionVerified\":false,", ""),
                access.replace("\"system\":\"", "\"system\":null,\"t\":\""),
                access.replaceFirst("\"occurredAt\":\"([^\"]*)T", "\"occurredAt\":\"$1t"),
                access.replace("\"kind\":\"", "\"kind\":\"X"),
                access.replace("\"country\":\"", "\"country\":\"x"),
                "{}", "[]")) {
            byte[] bytes = other.getBytes(StandardCharsets.UTF_8);
            assertThat(other).isNotEqualTo(access);
            if (JcsScanner.scan(bytes, 0, bytes.length, null) == JcsScanner.Form.CANONICAL) {
                assertThat(read(bytes)).as(other).isNull();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5);
    }

    private static AccessRecorded read(byte[] payload) {
        return AccessPayload.read(payload, 0, payload.length);
    }

    private static AccessRecorded access(Random random) {
        ActorKind kind = ActorKind.values()[random.nextInt(3)];
        Actor actor = new Actor("actor-" + random.nextInt(100), kind, kind == ActorKind.SUB_PROCESSOR ? "sub-" + random.nextInt(5) : null);
        List<DataCategory> categories = new ArrayList<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            categories.add(DataCategory.of(List.of("SURNAME", "BSN", "EMAIL").get(random.nextInt(3))));
        }
        List<Violation> violations = new ArrayList<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            violations.add(new Violation(List.of("1.1", "2.3", "ANNEX_1").get(random.nextInt(3)),
                    "reason \"" + (char) random.nextInt(0x500) + "\" \t\u0001😀 " + random.nextInt()));
        }
        long nanos = List.of(0L, 123_000_000L, 123_456_000L, 123_456_789L).get(random.nextInt(4));
        Instant occurredAt = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), nanos);
        return new AccessRecorded(AgreementId.of("agr-" + random.nextInt(10)), "acc-" + random.nextLong(), actor,
                Purpose.of("REMOTE_SUPPORT"), random.nextBoolean() ? null : "ins-é" + random.nextInt(9), categories,
                random.nextBoolean() ? null : new SealedSubject("key-" + random.nextInt(9), "c3ViamVjdA=="),
                random.nextBoolean() ? null : Country.of(List.of("NL", "US", "IN").get(random.nextInt(3))),
                random.nextBoolean() ? null : "system \\ " + random.nextInt(), occurredAt, Verdict.of(violations),
                random.nextBoolean(), random.nextBoolean(), random.nextBoolean() ? null : "eea-adequacy-2025-06");
    }
}
