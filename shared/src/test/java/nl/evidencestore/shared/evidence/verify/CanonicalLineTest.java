package nl.evidencestore.shared.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.TestBundles;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.json.JcsScanner;
import org.junit.jupiter.api.Test;

class CanonicalLineTest {
    @Test
    void readsInstantsAsEventHashDoes() {
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 250_000_000_000L, 1_000L * random.nextInt(1_000_000));
            String text = EventHash.format(instant);
            assertThat(CanonicalLine.instant(text)).as(text).isEqualTo(EventHash.parse(text));
        }
        for (String wrong : List.of("2026-02-30T00:00:00.000000Z", "2026-03-01T09:30:00.00000aZ", "2026-03-01T09:30:00Z",
                "2026-03-01 09:30:00.000000Z", "2026-13-01T09:30:00.000000Z")) {
            assertThatThrownBy(() -> CanonicalLine.instant(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void readsEveryCanonicalLineAsEventLineDoesAndHashesItInPlaceAsEventHashDoes() {
        for (EventLine line : everyLine()) {
            for (EventLine form : List.of(line, EventLine.stub(line.envelope(), line.hash()))) {
                CanonicalLine read = CanonicalLine.read(form.toJsonl());
                assertThat(read).as(form.toString()).isNotNull();
                assertThat(read.line()).isEqualTo(form);
                assertThat(read.payloadHashHolds()).isTrue();
                assertThat(read.eventHashHolds()).isEqualTo(EventHash.of(form.envelope()).equals(form.hash())).isTrue();
            }
        }
    }

    @Test
    void findsEveryChangedHashOrPayload() {
        EventLine line = everyLine().get(0);
        String text = new String(line.toJsonl(), StandardCharsets.UTF_8);
        String hash = line.hash();
        String otherHash = (hash.charAt(0) == 'a' ? "b" : "a") + hash.substring(1);
        CanonicalLine wrongHash = CanonicalLine.read(text.replace(hash, otherHash).getBytes(StandardCharsets.UTF_8));
        assertThat(wrongHash.eventHashHolds()).isFalse();
        assertThat(wrongHash.payloadHashHolds()).isTrue();
        CanonicalLine wrongPayload = CanonicalLine.read(text.replace("\"version\":\"1\"", "\"version\":\"2\"")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(wrongPayload.payloadHashHolds()).isFalse();
        assertThat(wrongPayload.eventHashHolds()).isTrue();
        CanonicalLine wrongEnvelope = CanonicalLine.read(text.replace("\"v\":1}", "\"v\":2}").getBytes(StandardCharsets.UTF_8));
        assertThat(wrongEnvelope.eventHashHolds()).isFalse();
    }

    @Test
    void comparesADigestWithItsLowerCaseHexOnly() {
        Random random = new Random(9);
        for (int i = 0; i < 200; i++) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            String hex = java.util.HexFormat.of().formatHex(digest);
            assertThat(CanonicalLine.isHexOf(digest, hex)).isTrue();
            assertThat(CanonicalLine.isHexOf(digest, hex.toUpperCase())).isEqualTo(hex.equals(hex.toUpperCase()));
            assertThat(CanonicalLine.isHexOf(digest, hex.substring(1) + "0")).isFalse();
            assertThat(CanonicalLine.isHexOf(digest, hex.substring(2))).isFalse();
        }
        assertThat(CanonicalLine.isHexOf(new byte[32], null)).isFalse();
    }

    @Test
    void leavesLinesThatAreNotExactlyTheirFormToTheGeneralReader() {
        EventLine line = everyLine().get(0);
        byte[] spaced = new String(line.toJsonl()).replaceFirst(":", ": ").getBytes();
        assertThat(CanonicalLine.read(spaced)).isNull();
        assertThat(EventLine.parse(spaced)).isEqualTo(line);
        byte[] extra = new String(line.toJsonl()).replaceFirst("\\{", "{\"aaa\":true,").getBytes();
        assertThat(JcsScanner.isCanonical(extra, 0, extra.length - 1)).isTrue();
        assertThat(CanonicalLine.read(extra)).isNull();
        byte[] numeric = new String(line.toJsonl()).replace("\"v\":1}", "\"v\":\"1\"}").getBytes();
        assertThat(CanonicalLine.read(numeric)).isNull();
        byte[] noNewline = java.util.Arrays.copyOf(line.toJsonl(), line.toJsonl().length - 1);
        assertThat(CanonicalLine.read(noNewline)).isNull();
        for (String number : List.of("-1", "9007199254740993", "1.5", "2147483648")) {
            byte[] odd = new String(line.toJsonl()).replace("\"v\":1}", "\"v\":" + number + "}").getBytes();
            assertThat(CanonicalLine.read(odd)).as(number).isNull();
        }
        EventLine later = everyLine().get(1);
        byte[] negative = new String(later.toJsonl()).replace("\"sequence\":" + later.envelope().sequence(), "\"sequence\":-"
                + later.envelope().sequence()).getBytes();
        assertThat(CanonicalLine.read(negative)).isNull();
    }

    @Test
    void readsALineInsideAChunkAsTheSameLineOnItsOwn() {
        Random random = new Random(31);
        List<byte[]> forms = tamperedForms();
        for (int n = 0; n < 3_000; n++) {
            byte[] alone = forms.get(random.nextInt(forms.size()));
            byte[] before = new byte[random.nextInt(40)];
            byte[] after = new byte[random.nextInt(40)];
            random.nextBytes(before);
            random.nextBytes(after);
            byte[] chunk = new byte[before.length + alone.length + after.length];
            System.arraycopy(before, 0, chunk, 0, before.length);
            System.arraycopy(alone, 0, chunk, before.length, alone.length);
            System.arraycopy(after, 0, chunk, before.length + alone.length, after.length);
            assertSameReading(CanonicalLine.read(chunk, before.length, before.length + alone.length), readFresh(alone),
                    new String(alone, StandardCharsets.UTF_8));
        }
    }

    /** A thread that read other lines before (whose texts it keeps) reads a line as a thread that read nothing. */
    @Test
    void readsEveryLineTheSameWhateverLinesThisThreadReadBefore() {
        Random random = new Random(37);
        List<byte[]> forms = tamperedForms();
        for (int n = 0; n < 5_000; n++) {
            byte[] line = forms.get(random.nextInt(forms.size()));
            assertSameReading(CanonicalLine.read(line), readFresh(line), new String(line, StandardCharsets.UTF_8));
        }
    }

    private static void assertSameReading(CanonicalLine actual, CanonicalLine expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        assertThat(actual.line()).as(what).isEqualTo(expected.line());
        assertThat(actual.payloadHashHolds()).as(what).isEqualTo(expected.payloadHashHolds());
        assertThat(actual.eventHashHolds()).as(what).isEqualTo(expected.eventHashHolds());
        assertThat(actual.access()).as(what).isEqualTo(expected.access());
    }

    /** The reading of a thread that has read no line before. */
    private static CanonicalLine readFresh(byte[] line) {
        CanonicalLine[] read = new CanonicalLine[1];
        Thread thread = new Thread(() -> read[0] = CanonicalLine.read(line));
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return read[0];
    }

    /** Every line, and forms of it with an instant, type, stream or hash changed (some no longer canonical or valid). */
    private static List<byte[]> tamperedForms() {
        List<byte[]> forms = new ArrayList<>();
        for (EventLine line : everyLine()) {
            String text = new String(line.toJsonl(), StandardCharsets.UTF_8);
            String recordedAt = EventHash.format(line.envelope().recordedAt());
            forms.add(line.toJsonl());
            for (String changed : List.of(text.replace(recordedAt, recordedAt.replace(".", ",")),
                    text.replace(recordedAt, recordedAt.substring(0, 19) + "Z"),
                    text.replace(recordedAt, "2026-02-30T00:00:00.000000Z"),
                    text.replace(recordedAt, "2026-03-30T00:00:00.000000Z"),
                    text.replace("\"type\":\"", "\"type\":\"X"),
                    text.replace("\"streamId\":\"", "\"streamId\":\"\\u0041"),
                    text.replace("\"streamId\":\"", "\"streamId\":\"z"),
                    text.replace(line.hash(), "0".repeat(64)))) {
                forms.add(changed.getBytes(StandardCharsets.UTF_8));
            }
        }
        return forms;
    }

    private static List<EventLine> everyLine() {
        TestBundles bundles = TestBundles.standard();
        List<EventLine> lines = new ArrayList<>();
        for (String stream : List.of("agr-a", "agr-b", "employee/e-1", "employee/e-2")) {
            lines.addAll(bundles.history().chain(stream));
        }
        assertThat(lines).hasSizeGreaterThan(15);
        return lines;
    }
}
