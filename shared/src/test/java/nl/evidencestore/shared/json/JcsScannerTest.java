package nl.evidencestore.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/** The byte scanner agrees with the general RFC 8785 canonicaliser on canonical texts, other texts and damaged ones. */
class JcsScannerTest {
    @Test
    void acceptsTheCanonicalFormOfVariedDocuments() throws Exception {
        for (String json : List.of("{}", "[]", "{\"a\":[1,{\"b\":null},[true,false,\"x\"]],\"b\":\"\\u0001\\n\\\"é€😀\"}",
                "{\"\":0,\"a\":-9007199254740991,\"b\":[[],{}],\"é\":1,\"😀\":2,\"\uff61\":3}",
                "{\"a\\u001fb\":1,\"a\\\"\":2,\"a\":0}", "[[[1],[2,3]],{\"a\":[{\"b\":[]}]}]", "{\"\u007f\u2028\":\"\ud800\udc00\"}")) {
            byte[] canonical = new JsonCanonicalizer(json).getEncodedUTF8();
            assertThat(scan(canonical)).as(json).isEqualTo(JcsScanner.Form.CANONICAL);
        }
    }

    @Test
    void leavesOtherNumberFormsToTheCanonicaliser() throws Exception {
        for (String json : List.of("{\"n\":1.5,\"m\":1e+30}", "[12345678901234567]", "[0.5]")) {
            byte[] canonical = new JsonCanonicalizer(json).getEncodedUTF8();
            assertThat(scan(canonical)).as(json).isEqualTo(JcsScanner.Form.UNDECIDED);
            assertThat(JcsScanner.isCanonical(canonical, 0, canonical.length)).as(json).isTrue();
        }
        for (String json : List.of("[1.0]", "[9007199254740993]", "[1E+30]")) {
            byte[] notCanonical = json.getBytes(StandardCharsets.UTF_8);
            assertThat(JcsScanner.isCanonical(notCanonical, 0, notCanonical.length)).as(json).isFalse();
        }
    }

    @Test
    void refusesAnythingElse() {
        for (String json : List.of("{\"b\":1,\"a\":2}", "{\"a\":1,\"a\":1}", "{ \"a\":1}", "{\"a\":1}\n", "[1 ,2]",
                "{\"a\":\"\\u00e9\"}", "{\"a\":\"\\/\"}", "{\"a\":-0}", "{\"a\":\"\\u001F\"}", "{\"a\":\"\\u0008\"}",
                "{\"a\":\"\\u000a\"}", "[01]", "{", "[", "[1,]", "{\"a\":1,}", "{\"a\"}", "[tru]", "[nul]", "[-]", "\"a",
                "{\"\uff61\":1,\"😀\":2}", "{\"a\":\"\\x\"}", "[1][2]", "{'a':1}", "[+1]", "0", "\"\"", "")) {
            assertThat(scan(json.getBytes(StandardCharsets.UTF_8))).as(json).isEqualTo(JcsScanner.Form.NOT_CANONICAL);
        }
    }

    @Test
    void refusesRawControlsAndMalformedUtf8() {
        for (int[] bytes : List.of(new int[] {0x09}, new int[] {0x0a}, new int[] {0xC0, 0xAF}, new int[] {0xC1, 0xBF},
                new int[] {0xE0, 0x80, 0xAF}, new int[] {0xED, 0xA0, 0x80}, new int[] {0xF0, 0x80, 0x80, 0xAF},
                new int[] {0xF4, 0x90, 0x80, 0x80}, new int[] {0xF5, 0x80, 0x80, 0x80}, new int[] {0x80}, new int[] {0xC3},
                new int[] {0xE2, 0x82}, new int[] {0xFF})) {
            byte[] json = new byte[bytes.length + 4];
            json[0] = '[';
            json[1] = '"';
            for (int i = 0; i < bytes.length; i++) {
                json[i + 2] = (byte) bytes[i];
            }
            json[json.length - 2] = '"';
            json[json.length - 1] = ']';
            assertThat(scan(json)).as(Arrays.toString(bytes)).isEqualTo(JcsScanner.Form.NOT_CANONICAL);
        }
    }

    @Test
    void namesTheOutermostMembersAndReadsTheirText() {
        byte[] json = "{\"a\":\"x\\ty\",\"b\":{\"c\":1},\"d\":[2]}".getBytes(StandardCharsets.UTF_8);
        List<String> seen = new ArrayList<>();
        JcsScanner.scan(json, 0, json.length, (nameFrom, nameTo, valueFrom, valueTo) -> seen.add(
                JcsScanner.text(json, nameFrom, nameTo) + "=" + new String(json, valueFrom, valueTo - valueFrom, StandardCharsets.UTF_8)));
        assertThat(seen).containsExactly("a=\"x\\ty\"", "b={\"c\":1}", "d=[2]");
        assertThat(JcsScanner.text(json, 6, 10)).isEqualTo("x\ty");
        byte[] escaped = "\\u001f\\\"é\\\\".getBytes(StandardCharsets.UTF_8);
        assertThat(JcsScanner.text(escaped, 0, escaped.length)).isEqualTo("\u001f\"é\\");
    }

    @Test
    void ordersNamesByTheirBytesWhereOneIsAPrefixOfTheOther() {
        assertThat(scan("{\"a\":1,\"ab\":true,\"b\":false,\"\u00e9\":null}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(JcsScanner.Form.CANONICAL);
        for (String json : List.of("{\"ab\":1,\"a\":2}", "{\"\u00e9\":1,\"b\":2}", "{\"ab\":1,\"ab\":2}", "[trUe]", "[fals]",
                "[nulL]")) {
            assertThat(scan(json.getBytes(StandardCharsets.UTF_8))).as(json).isEqualTo(JcsScanner.Form.NOT_CANONICAL);
        }
    }

    @Test
    void agreesWithTheCanonicaliserOnRandomAndDamagedDocuments() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Object value = Map.of("r", value(random, 3));
            byte[] canonical = Json.canonical(value);
            assertThat(JcsScanner.isCanonical(canonical, 0, canonical.length))
                    .as(new String(canonical, StandardCharsets.UTF_8)).isTrue();
            byte[] plain = Json.write(value);
            assertThat(JcsScanner.isCanonical(plain, 0, plain.length)).as(new String(plain, StandardCharsets.UTF_8))
                    .isEqualTo(general(plain));
            byte[] damaged = canonical.clone();
            damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            assertThat(JcsScanner.isCanonical(damaged, 0, damaged.length)).as(Arrays.toString(damaged))
                    .isEqualTo(general(damaged));
        }
    }

    private static boolean general(byte[] json) {
        try {
            return Arrays.equals(new JsonCanonicalizer(json).getEncodedUTF8(), json);
        } catch (Exception e) {
            return false;
        }
    }

    private static JcsScanner.Form scan(byte[] json) {
        return JcsScanner.scan(json, 0, json.length, null);
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth == 0 ? 4 : 6);
        return switch (kind) {
            case 0 -> random.nextLong() % 100_000;
            case 1 -> "s" + (char) random.nextInt(0x300) + (random.nextBoolean() ? "\"\\\t\u0001" : "")
                    + (random.nextInt(8) == 0 ? "😀\uff61\u007f" : "");
            case 2 -> random.nextBoolean();
            case 3 -> random.nextInt(10) == 0 ? 0.5 : random.nextInt(1000);
            case 4 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    String suffix = random.nextInt(6) == 0 ? "😀" : random.nextInt(6) == 0 ? "\uff61" : "";
                    map.put("k" + (char) ('a' + random.nextInt(26)) + (char) random.nextInt(0x400) + suffix, value(random, depth - 1));
                }
                yield map;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    list.add(value(random, depth - 1));
                }
                yield list;
            }
        };
    }
}
