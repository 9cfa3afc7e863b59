package nl.evidencestore.shared.evidence.report;

import static nl.evidencestore.shared.evidence.report.ReportTestData.AGREEMENT;
import static nl.evidencestore.shared.evidence.report.ReportTestData.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.LineBytes;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
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

/** The exporter's row and figures read in place are the record's row and figures, or it leaves the line to the record. */
class StoredAccessTest {
    private static final String ACCESS = EventTypes.nameOf(AccessRecorded.class);
    private static final List<String> TEXTS = List.of("plain", "a,b", "=SUM(A1)", "+31", "-x", "@home", "", "é", "say \"hi\"",
            "back\\slash", "tab\there", "two\nlines", "a;b", "x,=y", "😀", "~\u007f");

    @Test
    void writesTheRecordsRowAndCountsItsFiguresOnRandomAccesses() {
        Random random = new Random(5);
        StoredAccess stored = new StoredAccess();
        ReportFigures byRecord = new ReportFigures(SCOPE);
        ReportFigures inPlace = new ReportFigures(SCOPE);
        int readInPlace = 0;
        for (int i = 0; i < 5_000; i++) {
            AccessRecorded access = access(random);
            EventLine line = line(access, i, random);
            String subjectCell = random.nextInt(4) == 0 ? TimelineCsv.ERASED : pick(random) + "patient-" + i;
            byRecord.accept(line);
            if (!line.readPayload(stored::read)) {
                // Left to the record: only a text this reader does not take as it is, or a lone member it does not know.
                assertThat(new String(line.payload(), StandardCharsets.UTF_8)).as("payload left to the record")
                        .matches(s -> !s.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '\\'));
                inPlace.accept(line);
                continue;
            }
            readInPlace++;
            assertThat(stored.ofAgreement(AGREEMENT.value())).isEqualTo(access.agreementId().equals(AGREEMENT));
            if (!stored.ofAgreement(AGREEMENT.value())) {
                inPlace.accept(line);
                continue;
            }
            LineBytes row = new LineBytes(64);
            stored.appendRowBeforeSubject(row, EventHash.format(line.envelope().recordedAt()));
            TimelineCsv.appendCell(row, subjectCell);
            row.ascii("\r\n");
            assertThat(new String(row.toByteArray(), StandardCharsets.UTF_8)).as(access.toString())
                    .isEqualTo(new String(TimelineCsv.row(line, access, SCOPE, subjectCell).orElseThrow(), StandardCharsets.UTF_8));
            assertThat(stored.keyId()).isEqualTo(access.subject().keyId());
            assertThat(stored.subject()).isEqualTo(access.subject());
            if (stored.keyIdIsUuid()) {
                UUID keyId = UUID.fromString(access.subject().keyId());
                assertThat(new long[] {stored.keyIdHigh(), stored.keyIdLow()})
                        .containsExactly(keyId.getMostSignificantBits(), keyId.getLeastSignificantBits());
            } else {
                assertThat(access.subject().keyId()).startsWith("key-");
            }
            inPlace.acceptAccess(line, stored.figures());
        }
        assertThat(readInPlace).isGreaterThan(1_000);
        assertThat(inPlace.accesses()).isEqualTo(byRecord.accesses());
        assertThat(inPlace.violationsByArticle()).isEqualTo(byRecord.violationsByArticle());
        assertThat(inPlace.lines()).isEqualTo(byRecord.lines());
    }

    @Test
    void leavesOtherShapesToTheRecord() {
        AccessRecorded access = new AccessRecorded(AGREEMENT, "acc-1", new Actor("e-1", ActorKind.EMPLOYEE, null),
                Purpose.of("REMOTE_SUPPORT"), "ins-1", List.of(DataCategory.of("BSN")), new SealedSubject("key-1", "c3ViamVjdA=="),
                Country.of("NL"), "pacs", Instant.parse("2026-03-01T10:00:00Z"), Verdict.of(List.of()), true, false, "eea");
        String plain = new String(Json.canonical(access), StandardCharsets.UTF_8);
        StoredAccess stored = new StoredAccess();
        assertThat(stored.read(plain.getBytes(StandardCharsets.UTF_8))).isTrue();
        for (String other : List.of(plain.replace("\"accessId\":", "\"accessIdx\":"),
                plain.replace("\"instructionVerified\":true,", ""),
                plain.replace("\"system\":\"pacs\"", "\"system\":null"),
                plain.replace("\"verdict\":\"COMPLIANT\"", "\"verdict\":\"MAYBE\""),
                plain.replace("\"occurredAt\":\"2026-03-01T10:00:00Z\"", "\"occurredAt\":\"+12026-03-01T10:00:00Z\""),
                plain.replace("\"subject\":{\"ciphertext\":\"c3ViamVjdA==\",\"keyId\":\"key-1\"},", ""),
                plain.replace("\"categories\":[\"BSN\"],", ""),
                plain.replace("\"pacs\"", "\"pa\\\"cs\""),
                plain.substring(0, plain.length() - 1), "{}", "[]")) {
            assertThat(other).isNotEqualTo(plain);
            assertThat(stored.read(other.getBytes(StandardCharsets.UTF_8))).as(other).isFalse();
        }
    }

    private static EventLine line(AccessRecorded access, int sequence, Random random) {
        byte[] payload = Json.canonical(access);
        Instant recordedAt = Instant.parse("2026-03-01T00:00:00Z").plus(random.nextInt(1_000_000_000), ChronoUnit.MICROS)
                .plusSeconds(random.nextInt(2_000_000));
        EventEnvelope envelope = new EventEnvelope(1, "event-" + sequence, ACCESS, AGREEMENT.value(), sequence + 1L,
                access.occurredAt().truncatedTo(ChronoUnit.MICROS), recordedAt, "ab".repeat(32), EventHash.payloadSha256(payload));
        return new EventLine(envelope, EventHash.of(envelope), payload);
    }

    private static AccessRecorded access(Random random) {
        ActorKind kind = ActorKind.values()[random.nextInt(3)];
        Actor actor = new Actor(List.of("actor-1", "a-b", "a.b", "x_1", "a:b").get(random.nextInt(5)), kind,
                kind == ActorKind.SUB_PROCESSOR ? "sub-" + random.nextInt(5) : null);
        List<DataCategory> categories = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            categories.add(DataCategory.of(List.of("SURNAME", "BSN", "DENTAL_NOTES", "DENTAL_PHOTOS", "EMAIL").get(random.nextInt(5))));
        }
        List<Violation> violations = new ArrayList<>();
        for (int n = random.nextInt(4) - 1; n > 0; n--) {
            violations.add(new Violation(random.nextInt(3) == 0 ? pick(random) : List.of("1.1", "2.3", "ANNEX_1").get(random.nextInt(3)),
                    random.nextBoolean() ? null : pick(random)));
        }
        long nanos = List.of(0L, 100_000_000L, 123_000_000L, 120_000L, 123_456_000L, 123_456_789L).get(random.nextInt(6));
        Instant occurredAt = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), nanos);
        return new AccessRecorded(random.nextInt(8) == 0 ? AgreementId.of("agr-other") : AGREEMENT,
                random.nextBoolean() ? "acc-" + random.nextLong() : pick(random) + random.nextInt(), actor,
                Purpose.of(List.of("REMOTE_SUPPORT", "DATABASE_CONVERSION").get(random.nextInt(2))),
                random.nextBoolean() ? null : pick(random), categories,
                new SealedSubject(random.nextBoolean() ? "key-" + random.nextInt(9)
                        : new UUID(random.nextLong(), random.nextLong()).toString(), "c3ViamVjdA=="),
                random.nextBoolean() ? null : Country.of(List.of("NL", "US", "IN").get(random.nextInt(3))),
                random.nextBoolean() ? null : pick(random), occurredAt, Verdict.of(violations),
                random.nextBoolean(), random.nextBoolean(), random.nextBoolean() ? null : "eea-adequacy-2025-06");
    }

    /** Mostly texts a row takes as they are; now and then one it quotes, marks as a formula, or that is no plain ASCII. */
    private static String pick(Random random) {
        return random.nextInt(3) == 0 ? TEXTS.get(random.nextInt(TEXTS.size())) : "text-" + random.nextInt(100);
    }
}
