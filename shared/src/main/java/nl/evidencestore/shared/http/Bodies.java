package nl.evidencestore.shared.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import java.io.IOException;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.json.Json;

/**
 * Request bodies into records, every failure an {@link InvalidInput} naming the JSON path, so
 * that handlers never catch. Reads the body once: Javalin 7 does not cache it.
 */
public final class Bodies {
    private Bodies() {
    }

    public static <T> T read(Context ctx, Class<T> type) {
        return read(ctx, Json.mapper().constructType(type));
    }

    public static <T> T read(Context ctx, TypeReference<T> type) {
        return read(ctx, Json.mapper().constructType(type));
    }

    /** Throws Javalin's 413 response when the body is over the limit, before any parsing. */
    public static <T> T read(Context ctx, JavaType type) {
        return parse(ctx.bodyAsBytes(), type);
    }

    public static <T> T parse(byte[] json, Class<T> type) {
        return parse(json, Json.mapper().constructType(type));
    }

    /** The same rules for bytes from elsewhere, such as a Kafka command record. */
    public static <T> T parse(byte[] json, JavaType type) {
        try (JsonParser parser = parser(json)) {
            T value = reader(type).readValue(parser);
            if (value == null) {
                throw new InvalidInput(JsonPath.ROOT, "must be " + Expected.describe(type.getRawClass()));
            }
            requireEnd(parser);
            return value;
        } catch (IOException e) {
            throw JsonFailures.describe(e);
        }
    }

    /** A parser over a body that is not empty, with our dialect's limits and duplicate detection. */
    static JsonParser parser(byte[] json) throws IOException {
        if (json.length == 0) {
            throw new InvalidInput(JsonPath.ROOT, "a JSON body is required");
        }
        return Json.mapper().createParser(json);
    }

    /** Checked here rather than by FAIL_ON_TRAILING_TOKENS, whose failure looks like a type error. */
    static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new InvalidInput(JsonPath.ROOT, "must be one JSON value, without trailing content");
        }
    }

    /** For {@link #parse(byte[], JavaType)} with a generic type such as {@code List<RecordAccess>}. */
    public static JavaType type(TypeReference<?> type) {
        return Json.mapper().constructType(type);
    }

    private static ObjectReader reader(JavaType type) {
        return Json.mapper().readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
