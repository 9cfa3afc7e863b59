package nl.evidencestore.shared.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.evidencestore.shared.error.InvalidInput;

/**
 * A JSON object read only as far as its members: each value stays the bytes it was in the input,
 * for whoever takes that member to parse once. A Kafka command record wraps a body that the HTTP
 * route takes as it stands; reading the record into a tree and writing the body back out for
 * that route parsed every record twice. The rules are those of {@link Bodies}: a member outside
 * the known names, a duplicate, text that is not JSON, nesting past the limits or trailing
 * content is an {@link InvalidInput} naming where.
 */
public final class ObjectMembers {
    /** A member's value: its first token, its bytes in the input, and its text when it is a string. */
    public record Member(JsonToken kind, byte[] bytes, String text) {
        public boolean isObject() {
            return kind == JsonToken.START_OBJECT;
        }

        public boolean isArray() {
            return kind == JsonToken.START_ARRAY;
        }
    }

    private final Map<String, Member> members;

    private ObjectMembers(Map<String, Member> members) {
        this.members = members;
    }

    public static ObjectMembers read(byte[] json, Set<String> names) {
        try (JsonParser parser = Bodies.parser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInput(JsonPath.ROOT, "must be a JSON object");
            }
            Map<String, Member> members = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (!names.contains(name)) {
                    throw new InvalidInput(JsonPath.name(name), "is not a known field");
                }
                parser.nextToken();
                members.put(name, member(parser, json));
            }
            Bodies.requireEnd(parser);
            return new ObjectMembers(members);
        } catch (IOException e) {
            throw JsonFailures.describe(e);
        }
    }

    /** The member of this name, when the object has it. */
    public Optional<Member> member(String name) {
        return Optional.ofNullable(members.get(name));
    }

    /** The value at hand, stepped over to its last byte: a structure's children are skipped, a string's text is read. */
    private static Member member(JsonParser parser, byte[] json) throws IOException {
        JsonToken kind = parser.currentToken();
        long from = parser.currentTokenLocation().getByteOffset();
        String text = kind == JsonToken.VALUE_STRING ? parser.getText() : null;
        parser.skipChildren();
        long to = parser.currentLocation().getByteOffset();
        if (from < 0 || to < from || to > json.length) {
            // Jackson reads UTF-16 and UTF-32 too, as characters, and then knows no byte offsets.
            throw new InvalidInput(JsonPath.ROOT, "is not JSON text in UTF-8");
        }
        return new Member(kind, Arrays.copyOfRange(json, (int) from, (int) to), text);
    }
}
