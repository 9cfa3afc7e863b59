package nl.evidencestore.shared.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;

/** The one JSON dialect of the store: ISO instants and dates, strict on input. */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(IsoInstant.module())
            .addModule(new SimpleModule("dates-as-text").addDeserializer(LocalDate.class, new DateText()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // Input is a contract: a misspelt field is an error, not silently ignored.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // {"party":"PROCESSOR","party":"CONTROLLER"} means two things to two readers: refused.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // 1.5 where an integer belongs is refused, not cut to 1.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // A tree keeps a fraction exactly: as a double, 1E+400 became Infinity, which a command
            // bound from the tree (CommandBinding) then read as the text "Infinity".
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // A number or a boolean where the contract has a string is a wrong type, not a text:
            // Jackson would otherwise take {"signatory":5} as "5" (ALLOW_COERCION_OF_SCALARS covers
            // only the other way, a string where a number or boolean belongs).
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /**
     * The same dialect written in RFC 8785 order: keys sorted by UTF-16 code units at every
     * level, control characters escaped in lower-case hex. For the values this store hashes
     * (strings, booleans, integers below 2^53, no floating point) that is the JCS form in one
     * pass, without parsing the JSON again; ChainedAppend asserts it under test.
     */
    private static final ObjectMapper SORTED = ((JsonMapper) MAPPER).rebuild()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    static {
        // Deeply nested bodies are a denial-of-service vector, not a use case.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxNumberLength(100).maxStringLength(1_000_000).build());
    }

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 8785 (JCS) bytes: the same value always has the same bytes, hence the same hash. */
    public static byte[] canonical(Object value) {
        try {
            return new JsonCanonicalizer(new String(write(value), StandardCharsets.UTF_8)).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link #canonical}'s bytes, written in one pass where that gives them (see {@link #SORTED})
     * and checked by one scan ({@link JcsScanner}); only what the sorted writer gets wrong (a
     * polymorphic member's type id, written first; a lone surrogate, escaped) takes the general
     * canonicaliser.
     */
    public static byte[] canonicalWrite(Object value) {
        byte[] sorted;
        try {
            sorted = SORTED.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
        return JcsScanner.isCanonical(sorted, 0, sorted.length) ? sorted : canonical(value);
    }

    /** The RFC 8785 (JCS) form of JSON that is already bytes. */
    public static byte[] canonicalBytes(byte[] json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(bytes));
    }

    /** One digest per thread: looking the algorithm up costs more than hashing an event. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    /** A date is a text such as 2026-03-01: Jackson's reader would also take [2026,3,1]. */
    private static final class DateText extends StdScalarDeserializer<LocalDate> {
        DateText() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, json);
            }
            return LocalDateDeserializer.INSTANCE.deserialize(json, context);
        }
    }
}
