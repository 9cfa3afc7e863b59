package nl.evidencestore.shared.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.report.TimelineCsv;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.subject.SealedSubject;
import org.junit.jupiter.api.Test;

/** The row written as bytes is the writer's row, byte for byte, or null exactly where the writer has none. */
class TimelineRowTest {
    private static final AgreementId AGREEMENT = AgreementId.of("agr-1");
    private static final BundleScope SCOPE = new BundleScope("bundle-1", AGREEMENT, new ControllerId("practice-1"),
            Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-31T23:59:59Z"), Instant.parse("2026-04-01T00:00:00Z"),
            "auditor");
    /** Characters every cell rule turns on: quotes, commas, line breaks, formula starts, and beyond ASCII (a pair too). */
    private static final String[] PIECES = {"a", "Z", "0", "-", "_", ".", ",", "\"", "\r", "\n", "=", "+", "@", "\t", "'",
        ";", "é", "€", "😀", "\u0001", " "};
    private static final String HEX = "ab".repeat(32);

    @Test
    void random_accesses_give_the_writers_row() {
        Random random = new Random(17);
        int rows = 0;
        for (int n = 0; n < 20_000; n++) {
            AccessRecorded access = access(random);
            EventLine line = line(random, access);
            byte[] expected = TimelineCsv.row(line, access, SCOPE, LineFacts.SUBJECT).orElse(null);
            byte[] actual = TimelineRow.of(line, access, SCOPE);
            assertThat(actual).as(expected == null ? "no row" : new String(expected, StandardCharsets.UTF_8)).isEqualTo(expected);
            rows += expected == null ? 0 : 1;
        }
        assertThat(rows).isGreaterThan(5_000);
    }

    @Test
    void a_line_without_a_row_has_none() {
        AccessRecorded access = access(new Random(3));
        EventLine inside = envelopeLine(EventTypes.nameOf(AccessRecorded.class), AGREEMENT.value(), "2026-03-02T00:00:00Z", false);
        assertThat(TimelineRow.of(inside, access, SCOPE)).isNotNull();
        assertThat(TimelineRow.of(envelopeLine("AccessRecorded", AGREEMENT.value(), "2026-03-02T00:00:00Z", true), access, SCOPE)).isNull();
        assertThat(TimelineRow.of(envelopeLine("AccessRecorded", "agr-2", "2026-03-02T00:00:00Z", false), access, SCOPE)).isNull();
        assertThat(TimelineRow.of(envelopeLine("AccessRecorded", AGREEMENT.value(), "2026-04-02T00:00:00Z", false), access, SCOPE)).isNull();
        assertThat(TimelineRow.of(envelopeLine("AgreementTookEffect", AGREEMENT.value(), "2026-03-02T00:00:00Z", false), access, SCOPE)).isNull();
        EvidenceEvent other = new AgreementTookEffect(AGREEMENT, java.time.LocalDate.parse("2026-03-02"));
        assertThat(TimelineRow.of(inside, other, SCOPE)).isNull();
        assertThat(TimelineRow.of(inside, null, SCOPE)).isNull();
    }

    private static EventLine line(Random random, AccessRecorded access) {
        String type = random.nextInt(20) == 0 ? "AgreementTookEffect" : EventTypes.nameOf(AccessRecorded.class);
        String stream = random.nextInt(20) == 0 ? "agr-2" : AGREEMENT.value();
        String recordedAt = random.nextInt(10) == 0 ? "2026-04-01T00:00:00Z"
                : Instant.parse("2026-03-01T00:00:00Z").plusMillis(random.nextInt(2_000_000_000)).toString();
        return envelopeLine(type, stream, recordedAt, random.nextInt(20) == 0);
    }

    private static EventLine envelopeLine(String type, String stream, String recordedAt, boolean stub) {
        Instant at = Instant.parse(recordedAt);
        EventEnvelope envelope = new EventEnvelope(1, "e-1", type, stream, 3, at, at, HEX, HEX);
        return new EventLine(envelope, HEX, stub ? null : "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static AccessRecorded access(Random random) {
        while (true) {
            try {
                return tryAccess(random);
            } catch (IllegalArgumentException refused) {
                // A value the record refuses: draw again.
            }
        }
    }

    private static AccessRecorded tryAccess(Random random) {
        ActorKind kind = ActorKind.values()[random.nextInt(ActorKind.values().length)];
        Actor actor = new Actor(pick(random, "emp-7", "-robot", "@x", "a.b:c"), kind,
                kind == ActorKind.SUB_PROCESSOR ? pick(random, "sub-1", "=sub", "+s") : null);
        List<DataCategory> categories = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            categories.add(DataCategory.of(pick(random, "SURNAME", "BSN", "EMAIL", "DENTAL_PHOTOS")));
        }
        List<Violation> violations = new ArrayList<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            violations.add(new Violation(random.nextBoolean() ? pick(random, "1.1", "2.3", "ANNEX_1") : text(random), "why"));
        }
        AgreementId agreement = random.nextInt(20) == 0 ? AgreementId.of("agr-2") : AGREEMENT;
        Instant occurredAt = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000),
                List.of(0L, 123_000_000L, 123_456_000L).get(random.nextInt(3)));
        return new AccessRecorded(agreement, "acc-" + random.nextInt(1_000_000), actor,
                Purpose.of(pick(random, "REMOTE_SUPPORT", "DATABASE_CONVERSION")), random.nextBoolean() ? null : text(random),
                categories, new SealedSubject("key-1", "c3ViamVjdA=="),
                random.nextBoolean() ? null : Country.of(pick(random, "NL", "US", "IN")),
                random.nextBoolean() ? null : text(random), occurredAt, Verdict.of(violations), random.nextBoolean(),
                random.nextBoolean(), "eea-adequacy-2025-06");
    }

    /** Free text: mostly plain, sometimes empty, sometimes every character a cell rule turns on. */
    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            text.append(random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)] : "k");
        }
        if (random.nextInt(50) == 0) {
            text.append('\ud800');
        }
        return text.toString();
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }
}
