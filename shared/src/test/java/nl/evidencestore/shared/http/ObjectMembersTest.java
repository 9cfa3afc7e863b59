package nl.evidencestore.shared.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonToken;
import java.util.Set;
import nl.evidencestore.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

class ObjectMembersTest {
    private static final Set<String> NAMES = Set.of("type", "body");

    @Test
    void eachValueIsItsBytesAsTheyCame() {
        String body = "{ \"b\" : [1, {\"c\":\"\\u0041\"}], \"a\":true }";
        ObjectMembers members = ObjectMembers.read(bytes("{\"body\":" + body + " , \"type\":\"x/y\"}"), NAMES);

        ObjectMembers.Member read = members.member("body").orElseThrow();
        assertThat(read.kind()).isEqualTo(JsonToken.START_OBJECT);
        assertThat(new String(read.bytes(), UTF_8)).isEqualTo(body);
        assertThat(members.member("type").orElseThrow().text()).isEqualTo("x/y");
        assertThat(new String(members.member("type").orElseThrow().bytes(), UTF_8)).isEqualTo("\"x/y\"");
    }

    @Test
    void aStringsTextIsUnescapedAndAnArrayOrScalarKeepsItsKind() {
        ObjectMembers members = ObjectMembers.read(bytes("{\"type\":\"caf\\u00e9\",\"body\":[]}"), NAMES);
        assertThat(members.member("type").orElseThrow().text()).isEqualTo("café");
        assertThat(members.member("body").orElseThrow().isArray()).isTrue();

        ObjectMembers number = ObjectMembers.read(bytes("{\"body\":12.5}"), NAMES);
        assertThat(number.member("body").orElseThrow().kind()).isEqualTo(JsonToken.VALUE_NUMBER_FLOAT);
        assertThat(number.member("body").orElseThrow().text()).isNull();
        assertThat(number.member("type")).isEmpty();
    }

    @Test
    void refusesAMemberOutsideTheNames() {
        assertThat(refused("{\"type\":\"x\",\"priority\":1}")).satisfies(e -> {
            assertThat(e.field()).isEqualTo("priority");
            assertThat(e.message()).isEqualTo("is not a known field");
        });
    }

    @Test
    void refusesADuplicateEvenWithinAValueItSkips() {
        assertThat(refused("{\"body\":{},\"body\":{}}").message()).startsWith("appears twice");
        assertThat(refused("{\"body\":{\"a\":1,\"a\":2}}")).satisfies(e -> {
            assertThat(e.field()).isEqualTo("body.a");
            assertThat(e.message()).startsWith("appears twice");
        });
    }

    @Test
    void refusesWhatIsNotOneJsonObject() {
        assertThat(refused("[{\"type\":\"x\"}]").message()).isEqualTo("must be a JSON object");
        assertThat(refused("{\"type\":\"x\"} {}").message()).isEqualTo("must be one JSON value, without trailing content");
        assertThat(refused("{\"body\":{\"a\":").message()).startsWith("is not well-formed JSON");
        assertThat(refused("").message()).isEqualTo("a JSON body is required");
        InvalidInput utf16 = catchThrowableOfType(() -> ObjectMembers.read(
                "{\"type\":\"x\",\"body\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_16), NAMES), InvalidInput.class);
        assertThat(utf16).isNotNull();
        assertThat(utf16.errors().get(0).message()).isEqualTo("is not JSON text in UTF-8");
        assertThat(refused("{\"body\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}").message())
                .startsWith("exceeds a limit");
    }

    private static InvalidInput.FieldError refused(String json) {
        InvalidInput refusal = catchThrowableOfType(() -> ObjectMembers.read(bytes(json), NAMES), InvalidInput.class);
        assertThat(refusal).as("refusal of %s", json).isNotNull();
        return refusal.errors().get(0);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(UTF_8);
    }
}
