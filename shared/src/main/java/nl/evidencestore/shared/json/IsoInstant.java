package nl.evidencestore.shared.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The ISO-8601 UTC form of an instant ({@link DateTimeFormatter#ISO_INSTANT}: seconds always,
 * then 0, 3, 6 or 9 fraction digits, then {@code Z}), read and written by hand for the years
 * 0000–9999. Every event carries instants, and the JDK's formatter took a twentieth of the
 * store's CPU under load; anything else is left to it, so the results are the JDK's own.
 */
public final class IsoInstant {
    private IsoInstant() {
    }

    /**
     * The instant, or null when the text is not {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with 1 to 9
     * fraction digits and valid fields: the JDK's parser then decides (it also takes offsets,
     * 24:00 and leap seconds, and says why it refuses).
     */
    public static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || length == 21 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || length > 20 && text.charAt(19) != '.') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = length == 20 ? 0 : digits(text, 20, length - 1);
        if ((year | month | day | hour | minute | second | fraction) < 0) {
            return null;
        }
        int nanos = fraction * POWERS[9 - Math.max(0, length - 21)];
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Exactly {@code instant.toString()}. */
    public static String format(Instant instant) {
        int nano = instant.getNano();
        int digits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
        String text = withFraction(instant, digits);
        return text != null ? text : instant.toString();
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss.f…Z} with exactly that many fraction digits (0 to 9: none, and no
     * point, for 0), the fraction truncated; null when the year has no four-digit form.
     */
    public static String withFraction(Instant instant, int digits) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return null;
        }
        char[] text = new char[digits == 0 ? 20 : 21 + digits];
        put(text, 0, 4, time.getYear());
        text[4] = '-';
        put(text, 5, 7, time.getMonthValue());
        text[7] = '-';
        put(text, 8, 10, time.getDayOfMonth());
        text[10] = 'T';
        put(text, 11, 13, time.getHour());
        text[13] = ':';
        put(text, 14, 16, time.getMinute());
        text[16] = ':';
        put(text, 17, 19, time.getSecond());
        if (digits > 0) {
            text[19] = '.';
            put(text, 20, 20 + digits, instant.getNano() / POWERS[9 - digits]);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    private static void put(char[] text, int from, int to, int value) {
        for (int i = to - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Jackson's instants through this class; whatever it does not read goes to Jackson's own reader. */
    static SimpleModule module() {
        return new SimpleModule("iso-instant")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader(InstantDeserializer.INSTANT));
    }

    private static final class Writer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(format(value));
        }

        @Override
        public Class<Instant> handledType() {
            return Instant.class;
        }
    }

    private static final class Reader extends JsonDeserializer<Instant> implements ContextualDeserializer {
        private final JsonDeserializer<? extends Instant> general;

        Reader(JsonDeserializer<? extends Instant> general) {
            this.general = general;
        }

        @Override
        public Instant deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() != JsonToken.VALUE_STRING) {
                // Jackson's reader would take 1.5 as 1.5 s after the epoch: an instant is a text.
                return (Instant) context.handleUnexpectedToken(Instant.class, json);
            }
            Instant instant = parse(json.getText());
            if (instant != null) {
                return instant;
            }
            return general.deserialize(json, context);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = general instanceof ContextualDeserializer c
                    ? c.createContextual(context, property) : general;
            @SuppressWarnings("unchecked")
            JsonDeserializer<? extends Instant> typed = (JsonDeserializer<? extends Instant>) contextual;
            return typed == general ? this : new Reader(typed);
        }

        @Override
        public Class<?> handledType() {
            return Instant.class;
        }
    }
}
