package nl.evidencestore.shared.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.json.Json;
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

/**
 * The plain access line's facts are the general reader's, for random accesses, random single-byte
 * changes and random edits of a member, read one after another on one thread (as a worker reads a
 * chunk, sharing what the line before made): the same findings either way.
 */
class PlainAccessLineTest {
    private static final AgreementId AGREEMENT = AgreementId.of("agr-1");
    private static final BundleScope SCOPE = new BundleScope("bundle-1", AGREEMENT, new ControllerId("practice-1"),
            Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-31T23:59:59Z"), Instant.parse("2026-04-01T00:00:00Z"),
            "auditor");
    private static final String ACCESS = EventTypes.nameOf(AccessRecorded.class);
    /** Bytes a change puts in: structure, quotes and escapes, digits, letters, beyond ASCII. */
    private static final byte[] CHANGES = "{}[]:,\"\\ 0123456789aAzZ-_.tfnu\n\t\u007f".getBytes(StandardCharsets.ISO_8859_1);
    /** Edits of a member: another value, another name, one more, one less, a null, an escape. */
    private static final String[][] EDITS = {
        {"\"kind\":\"EMPLOYEE\"", "\"kind\":\"ROBOT\""}, {"\"instructionVerified\":true,", ""},
        {"\"recordedLate\":false", "\"recordedLate\":null"}, {"\"categories\":[", "\"categories\":[\"bsn\","},
        {"\"country\":\"", "\"country\":\"x"}, {"\"system\":\"", "\"system\":\"\\u00e9"},
        {"\"verdict\":\"COMPLIANT\"", "\"verdict\":\"VIOLATION\""}, {"\"violations\":[]", "\"violations\":[{\"article\":\"1.1\"}]"},
        {"\"accessId\":", "\"accessIdx\":"}, {"\"referenceData\":", "\"instructionOfAnotherAgreement\":true,\"referenceData\":"},
        {"\"sequence\":", "\"sequence\":0"}, {"\"v\":1", "\"v\":1.0"}, {"\"v\":1", "\"v\":99999999999"},
        {"\"occurredAt\":\"2", "\"occurredAt\":\"+2"}, {"Z\",\"purpose\"", "\",\"purpose\""}, {"\"payload\":{", "\"payload\":{\"a\":1,"},
        {"\"keyId\":\"", "\"keyId\":\" "}, {"\"ciphertext\":\"", "\"ciphertext\":\"!"}, {"\"type\":\"", "\"type\":\"x"},
        {"\"streamId\":\"agr-1\"", "\"streamId\":\"agr-2\""}, {"\"prevHash\":\"0", "\"prevHash\":\"A"},
        {"\"subProcessorId\":\"", "\"subProcessorId\":\"\u00e9"}, {"\"reason\":\"", "\"reason\":\"\u007f"},
    };

    @Test
    void readsRandomAccessLinesAsTheGeneralReaderDoes() {
        Random random = new Random(21);
        int plain = 0;
        int quoted = 0;
        int guarded = 0;
        for (int n = 0; n < 5_000; n++) {
            byte[] line = line(random, n);
            LineFacts facts = same(n, line) ? PlainAccessLine.facts(n, line, 0, line.length, SCOPE) : null;
            plain += facts != null ? 1 : 0;
            String row = facts == null || facts.timelineRow() == null ? "" : new String(facts.timelineRow(), StandardCharsets.UTF_8);
            quoted += row.contains("\"") ? 1 : 0;
            guarded += row.contains("'") ? 1 : 0;
        }
        assertThat(plain).isGreaterThan(3_000);
        // Rows made the plain way with cells quoted for a comma and guarded against a formula, too.
        assertThat(quoted).isGreaterThan(100);
        assertThat(guarded).isGreaterThan(100);
    }

    @Test
    void findsWhatTheGeneralReaderFindsInChangedBytes() {
        Random random = new Random(22);
        int plain = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] line = line(random, n);
            int at = random.nextInt(line.length);
            line[at] = random.nextInt(4) == 0 ? (byte) (line[at] ^ (1 << random.nextInt(8))) : CHANGES[random.nextInt(CHANGES.length)];
            plain += same(n, line) ? 1 : 0;
        }
        // Most changes fall inside a value, and the line keeps its shape: both ways are compared there.
        assertThat(plain).isGreaterThan(3_000);
    }

    @Test
    void findsWhatTheGeneralReaderFindsInEditedMembers() {
        Random random = new Random(23);
        int edited = 0;
        int plain = 0;
        for (int n = 0; n < 20_000; n++) {
            String line = new String(line(random, n), StandardCharsets.UTF_8);
            String[] edit = EDITS[random.nextInt(EDITS.length)];
            String changed = line.replaceFirst(java.util.regex.Pattern.quote(edit[0]), java.util.regex.Matcher.quoteReplacement(edit[1]));
            edited += changed.equals(line) ? 0 : 1;
            plain += same(n, changed.getBytes(StandardCharsets.UTF_8)) && !changed.equals(line) ? 1 : 0;
        }
        assertThat(edited).isGreaterThan(10_000);
        // Edits the plain shape still takes (another value, a sequence, a stream): compared both ways too.
        assertThat(plain).isGreaterThan(1_000);
    }

    /** Both ways give the same facts for the line placed inside a chunk; whether the plain way read it. */
    private static boolean same(long number, byte[] line) {
        byte[] chunk = new byte[line.length + 9];
        System.arraycopy(line, 0, chunk, 5, line.length);
        LineFacts plain = PlainAccessLine.facts(number, chunk, 5, 5 + line.length, SCOPE);
        LineFacts general = GeneralLine.facts(number, chunk, 5, 5 + line.length, SCOPE);
        if (plain == null) {
            return false;
        }
        String why = new String(line, StandardCharsets.UTF_8);
        assertThat(plain.line()).as(why).isEqualTo(general.line());
        assertThat(plain.event()).as(why).isEqualTo(general.event());
        assertThat(plain.timelineRow()).as(why).isEqualTo(general.timelineRow());
        assertThat(Arrays.asList(plain.number(), plain.malformed(), plain.canonical(), plain.payloadHashHolds(),
                plain.eventHashHolds(), plain.undecodable())).as(why).isEqualTo(Arrays.asList(general.number(),
                general.malformed(), general.canonical(), general.payloadHashHolds(), general.eventHashHolds(),
                general.undecodable()));
        return true;
    }

    /** A line of a random access, its hashes right in most lines; its neighbours often share their values. */
    private static byte[] line(Random random, long sequence) {
        AccessRecorded access = access(random);
        byte[] payload = Json.canonical(access);
        Instant recordedAt = Instant.parse("2026-03-01T00:00:00Z").plusMillis(random.nextInt(4) * 1_000_000_000L
                + random.nextInt(3)).plusNanos(1_000L * random.nextInt(2));
        String prevHash = sequence == 0 || random.nextInt(10) == 0 ? EventHash.GENESIS : HexHash.of(sequence - 1);
        EventEnvelope envelope = new EventEnvelope(1, "e-" + sequence, random.nextInt(30) == 0 ? "AgreementTookEffect" : ACCESS,
                random.nextInt(30) == 0 ? "agr-2" : AGREEMENT.value(), prevHash.equals(EventHash.GENESIS) ? 0 : sequence,
                access.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS), recordedAt, prevHash,
                random.nextInt(20) == 0 ? HexHash.of(sequence) : EventHash.payloadSha256(payload));
        String hash = random.nextInt(20) == 0 ? HexHash.of(sequence) : EventHash.of(envelope);
        return new EventLine(envelope, hash, payload).toJsonl();
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
        Actor actor = new Actor(pick(random, "emp-7", "emp-8", "a.b:c", "-robot", "@x"), kind,
                kind == ActorKind.SUB_PROCESSOR ? pick(random, "sub-1", "sub-2", "=sub", "+s") : null);
        List<DataCategory> categories = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            categories.add(DataCategory.of(pick(random, "SURNAME", "BSN", "EMAIL", "DENTAL_PHOTOS")));
        }
        List<Violation> violations = new ArrayList<>();
        for (int n = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0; n > 0; n--) {
            violations.add(new Violation(pick(random, "1.1", "2.3", "ANNEX_1", "3,2", "=1", ""), text(random, "why")));
        }
        Instant occurredAt = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(random.nextInt(4) * 100_000L)
                .plusNanos(List.of(0L, 123_000_000L, 123_456_000L, 123_456_789L).get(random.nextInt(4)));
        return new AccessRecorded(random.nextInt(20) == 0 ? AgreementId.of("agr-2") : AGREEMENT,
                pick(random, "acc-", "-acc-", "@acc,") + random.nextInt(1_000_000),
                actor, Purpose.of(pick(random, "REMOTE_SUPPORT", "DATABASE_CONVERSION")),
                random.nextBoolean() ? null : text(random, "ins-1"), categories,
                new SealedSubject(pick(random, "key-1", "key-2"), pick(random, "c3ViamVjdA==", "YWJj", "QUJDRA==")),
                random.nextInt(4) == 0 ? null : Country.of(pick(random, "NL", "US", "IN")),
                random.nextBoolean() ? null : text(random, "pacs"), occurredAt, Verdict.of(violations), random.nextBoolean(),
                random.nextBoolean(), pick(random, "eea-adequacy-2025-06", "eea-adequacy-2026-01"));
    }

    /**
     * Mostly {@code plain}; sometimes with what a cell quotes or guards (a comma, a formula's first
     * character), sometimes with characters the plain shape leaves to the general reader.
     */
    private static String text(Random random, String plain) {
        return switch (random.nextInt(8)) {
            case 0 -> plain + pick(random, "\"", "\\", "é", "\u0001", "😀", "\u007f", " ", "");
            case 1 -> pick(random, "=", "+", "-", "@", "", ",") + plain + pick(random, ",", ";", "", "'");
            default -> plain;
        };
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    /** A well-formed hash that is nobody's: 64 lower-case hex digits from a number. */
    private static final class HexHash {
        static String of(long n) {
            return String.format("%064x", n);
        }
    }
}
