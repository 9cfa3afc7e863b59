package nl.evidencestore.shared.evidence.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Whether JSON bytes are already in their RFC 8785 form, in one streaming pass: a canonical
 * text has its keys in order, so it is enough to check the order and write every token back the
 * canonical way. Numbers other than safe integers take the general canonicaliser.
 */
final class JcsForm {
    private static final JsonFactory JSON = new JsonFactory();
    private static final long SAFE = (1L << 53) - 1;

    private JcsForm() {
    }

    /** What a caller reads from the top-level object on the same pass. */
    interface TopFields {
        void scalar(String name, JsonToken token, JsonParser parser) throws IOException;

        /** A top-level field's object value, as the bytes {@code [start, end)} of the text. */
        void object(String name, int start, int end) throws IOException;
    }

    private static final TopFields NONE = new TopFields() {
        @Override
        public void scalar(String name, JsonToken token, JsonParser parser) {
        }

        @Override
        public void object(String name, int start, int end) {
        }
    };

    static boolean isCanonical(byte[] json) {
        return isCanonical(json, NONE);
    }

    /** Whether {@code json} is canonical, handing {@code fields} the top-level fields on the way. */
    static boolean isCanonical(byte[] json, TopFields fields) {
        try {
            String written = write(json, fields);
            if (written == null) {
                return Arrays.equals(new JsonCanonicalizer(json).getEncodedUTF8(), json);
            }
            return Arrays.equals(written.getBytes(StandardCharsets.UTF_8), json);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The canonical text of {@code json} if its keys are in order; "" when they are not; null when undecided. */
    private static String write(byte[] json, TopFields fields) throws IOException {
        StringBuilder out = new StringBuilder(json.length + 16);
        Deque<String> lastKeys = new ArrayDeque<>();
        Deque<Boolean> first = new ArrayDeque<>();
        String topField = null;
        int objectStart = -1;
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (inArray(parser, token)) {
                    separate(out, first);
                }
                switch (token) {
                    case START_OBJECT -> {
                        if (first.size() == 1) {
                            objectStart = (int) parser.currentTokenLocation().getByteOffset();
                        }
                        out.append('{');
                        first.push(true);
                        lastKeys.push("");
                    }
                    case END_OBJECT -> {
                        out.append('}');
                        first.pop();
                        lastKeys.pop();
                        if (first.size() == 1 && objectStart >= 0) {
                            fields.object(topField, objectStart, (int) parser.currentLocation().getByteOffset());
                            objectStart = -1;
                        }
                    }
                    case START_ARRAY -> {
                        if (first.size() == 1) {
                            fields.scalar(topField, token, parser);
                        }
                        out.append('[');
                        first.push(true);
                        lastKeys.push("");
                    }
                    case END_ARRAY -> {
                        out.append(']');
                        first.pop();
                        lastKeys.pop();
                    }
                    case FIELD_NAME -> {
                        String key = parser.currentName();
                        boolean firstKey = first.peek();
                        if (!firstKey && key.compareTo(lastKeys.peek()) <= 0) {
                            return "";
                        }
                        lastKeys.pop();
                        lastKeys.push(key);
                        separate(out, first);
                        EnvelopeHash.string(out, key);
                        out.append(':');
                        topField = first.size() == 1 ? key : topField;
                    }
                    case VALUE_STRING -> {
                        EnvelopeHash.string(out, parser.getText());
                        if (first.size() == 1) {
                            fields.scalar(topField, token, parser);
                        }
                    }
                    case VALUE_NUMBER_INT -> {
                        if (parser.getNumberType() != JsonParser.NumberType.INT
                                && (parser.getNumberType() != JsonParser.NumberType.LONG || Math.abs(parser.getLongValue()) > SAFE)) {
                            return null;
                        }
                        out.append(parser.getLongValue());
                        if (first.size() == 1) {
                            fields.scalar(topField, token, parser);
                        }
                    }
                    case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
                        out.append(token.asString());
                        if (first.size() == 1) {
                            fields.scalar(topField, token, parser);
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
        }
        return out.toString();
    }

    /** Whether this token is a value (or opens one) inside an array, so a comma may precede it. */
    private static boolean inArray(JsonParser parser, JsonToken token) {
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY || token == JsonToken.FIELD_NAME) {
            return false;
        }
        var context = token.isStructStart() ? parser.getParsingContext().getParent() : parser.getParsingContext();
        return context != null && context.inArray();
    }

    private static void separate(StringBuilder out, Deque<Boolean> first) {
        if (first.peek()) {
            first.pop();
            first.push(false);
        } else {
            out.append(',');
        }
    }
}
