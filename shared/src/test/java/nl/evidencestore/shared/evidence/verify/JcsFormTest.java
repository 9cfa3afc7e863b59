package nl.evidencestore.shared.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.evidencestore.shared.json.Json;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/** The one-pass check agrees with the general RFC 8785 canonicaliser on canonical and other texts. */
class JcsFormTest {
    @Test
    void acceptsTheCanonicalFormOfVariedDocuments() throws Exception {
        for (String json : List.of("{}", "[]", "{\"a\":[1,{\"b\":null},[true,false,\"x\"]],\"b\":\"\\u0001\\n\\\"é€😀\"}",
                "{\"\":0,\"a\":-9007199254740991,\"b\":[[],{}],\"é\":1,\"😀\":2,\"\uff61\":3}",
                "{\"n\":1.5,\"m\":1e30}", "[[[1],[2,3]],{\"a\":[{\"b\":[]}]}]")) {
            byte[] canonical = new JsonCanonicalizer(json).getEncodedUTF8();
            assertThat(JcsForm.isCanonical(canonical)).as(json).isTrue();
        }
    }

    @Test
    void refusesAnythingElse() {
        for (String json : List.of("{\"b\":1,\"a\":2}", "{\"a\":1,\"a\":1}", "{ \"a\":1}", "{\"a\":1}\n", "[1 ,2]",
                "{\"a\":\"\\u00e9\"}", "{\"a\":\"\\/\"}", "{\"a\":1.0}", "{\"a\":-0}", "{\"a\":\"\\u001F\"}", "[01]", "{")) {
            assertThat(JcsForm.isCanonical(json.getBytes(StandardCharsets.UTF_8))).as(json).isFalse();
        }
    }

    @Test
    void agreesWithTheCanonicaliserOnRandomDocuments() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            Object value = Map.of("r", value(random, 3));
            byte[] canonical = Json.canonical(value);
            assertThat(JcsForm.isCanonical(canonical)).as(new String(canonical, StandardCharsets.UTF_8)).isTrue();
            byte[] plain = Json.write(value);
            boolean same = Arrays.equals(new JsonCanonicalizer(plain).getEncodedUTF8(), plain);
            assertThat(JcsForm.isCanonical(plain)).as(new String(plain, StandardCharsets.UTF_8)).isEqualTo(same);
        }
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth == 0 ? 4 : 6);
        return switch (kind) {
            case 0 -> random.nextLong() % 100_000;
            case 1 -> "s" + (char) random.nextInt(0x300) + (random.nextBoolean() ? "\"\\\t" : "");
            case 2 -> random.nextBoolean();
            case 3 -> random.nextInt(10) == 0 ? 0.5 : random.nextInt(1000);
            case 4 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    map.put("k" + (char) ('a' + random.nextInt(26)) + (char) random.nextInt(0x400), value(random, depth - 1));
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
