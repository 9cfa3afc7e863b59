package nl.evidencestore.shared.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One JSON value kept as its UTF-8 bytes and written out as they are. An event's payload
 * travels from the event table to Kafka and into the timeline's stored copy this way: built
 * into a tree only where a reader wants one, and decoded straight into its record.
 */
@JsonSerialize(using = RawJson.Writer.class)
@JsonDeserialize(using = RawJson.Reader.class)
public final class RawJson {
    private final byte[] utf8;

    private RawJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** Takes the bytes of one JSON value as they are (not copied: the caller lets go of them). */
    public static RawJson of(byte[] utf8) {
        if (utf8 == null || utf8.length == 0) {
            throw new IllegalArgumentException("raw JSON needs a value");
        }
        return new RawJson(utf8);
    }

    public static RawJson of(JsonNode tree) {
        try {
            return new RawJson(Json.mapper().writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value as a tree, parsed anew on each call. */
    public JsonNode tree() {
        try {
            return Json.mapper().readTree(utf8);
        } catch (IOException e) {
            throw new IllegalArgumentException("raw JSON does not parse (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The value decoded into that type, without a tree in between. */
    public <T> T as(Class<T> type) throws IOException {
        return Json.mapper().readValue(utf8, type);
    }

    /**
     * The bytes handed to a reader that only reads them (a copy would cost as much as the
     * reading): for decoders faster than the mapper on the forms the store writes.
     */
    public <T> T readWith(BytesReader<T> reader) {
        return reader.read(utf8, 0, utf8.length);
    }

    @FunctionalInterface
    public interface BytesReader<T> {
        T read(byte[] json, int from, int to);
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return utf8.clone();
    }

    /** The bytes as a string, for a generator's raw value. */
    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawJson raw && Arrays.equals(utf8, raw.utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }

    @Override
    public String toString() {
        return text();
    }

    static final class Writer extends JsonSerializer<RawJson> {
        @Override
        public void serialize(RawJson value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeRawValue(value.text());
        }
    }

    /** The general path, through a tree; {@code ForwardedEvents.read} slices the bytes instead. */
    static final class Reader extends JsonDeserializer<RawJson> {
        @Override
        public RawJson deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return RawJson.of(context.readTree(parser));
        }
    }
}
