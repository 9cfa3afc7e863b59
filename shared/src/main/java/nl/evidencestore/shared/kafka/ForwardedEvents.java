package nl.evidencestore.shared.kafka;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import nl.evidencestore.shared.json.IsoInstant;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.json.RawJson;

/**
 * Writes and reads a {@link ForwardedEvent} around payload bytes as they are stored, without
 * parsing and re-serialising them: the forwarder writes, and the query side reads, every
 * event the store ever appends.
 */
public final class ForwardedEvents {
    private ForwardedEvents() {
    }

    /**
     * The forwarder's path, once per stored event: the envelope is put together around the
     * payload's bytes as they are, not decoded to text and encoded again. Ids that would need
     * escaping (none the store makes) take the generator's path, so the bytes are the same.
     */
    public static byte[] write(String eventId, String type, String streamId, long sequence, long position,
                               Instant recordedAt, byte[] payloadJson) {
        if (!plain(eventId) || !plain(type) || !plain(streamId)) {
            return write(eventId, type, streamId, sequence, position, recordedAt,
                    new String(payloadJson, StandardCharsets.UTF_8));
        }
        byte[] head = ("{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"streamId\":\"" + streamId
                + "\",\"sequence\":" + sequence + ",\"position\":" + position + ",\"recordedAt\":\""
                + IsoInstant.format(recordedAt) + "\",\"payload\":").getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = Arrays.copyOf(head, head.length + payloadJson.length + 1);
        System.arraycopy(payloadJson, 0, out, head.length, payloadJson.length);
        out[out.length - 1] = '}';
        return out;
    }

    /** Printable ASCII without a quote or a backslash: written into a JSON string as it is. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    public static byte[] write(ForwardedEvent event) {
        return write(event.eventId(), event.type(), event.streamId(), event.sequence(), event.position(),
                event.recordedAt(), event.payload().text());
    }

    private static byte[] write(String eventId, String type, String streamId, long sequence, long position,
                                Instant recordedAt, String payloadJson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payloadJson.length() + 256);
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("eventId", eventId);
            json.writeStringField("type", type);
            json.writeStringField("streamId", streamId);
            json.writeNumberField("sequence", sequence);
            json.writeNumberField("position", position);
            json.writeStringField("recordedAt", IsoInstant.format(recordedAt));
            json.writeFieldName("payload");
            json.writeRawValue(payloadJson);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * What {@link #write} writes, read by hand in exactly that form; null for any other form
     * (then {@link #read} reads it). The payload is sliced, not checked: a caller decodes it, and
     * reads the record with {@link #read} when that fails.
     */
    public static ForwardedEvent readAsWritten(byte[] value) {
        return WrittenForm.read(value);
    }

    /**
     * Reads what {@link #write} wrote (or any JSON object of those members, in any order): the
     * payload is sliced out of the bytes as it is, not built into a tree. A member that is
     * missing is null (or 0); unknown members are skipped.
     *
     * @throws IllegalArgumentException when the bytes are not such an object; the message never
     *                                  quotes them, since a payload can hold personal data
     */
    public static ForwardedEvent read(byte[] value) {
        try (JsonParser json = Json.mapper().getFactory().createParser(value)) {
            Members members = new Members();
            expect(json.nextToken() == JsonToken.START_OBJECT, "a forwarded event is a JSON object");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                members.read(name, json.nextToken(), json, value);
            }
            expect(json.currentToken() == JsonToken.END_OBJECT && json.nextToken() == null,
                    "a forwarded event is one JSON object");
            return members.event();
        } catch (IOException e) {
            throw new IllegalArgumentException("a forwarded event does not parse (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static final class Members {
        private String eventId;
        private String type;
        private String streamId;
        private long sequence;
        private long position;
        private Instant recordedAt;
        private RawJson payload;

        void read(String name, JsonToken token, JsonParser json, byte[] value) throws IOException {
            switch (name) {
                case "eventId" -> eventId = text(token, json, name);
                case "type" -> type = text(token, json, name);
                case "streamId" -> streamId = text(token, json, name);
                case "sequence" -> sequence = number(token, json, name);
                case "position" -> position = number(token, json, name);
                case "recordedAt" -> recordedAt = instant(text(token, json, name));
                case "payload" -> payload = slice(token, json, value);
                default -> json.skipChildren();
            }
        }

        ForwardedEvent event() {
            return new ForwardedEvent(eventId, type, streamId, sequence, position, recordedAt, payload);
        }
    }

    private static String text(JsonToken token, JsonParser json, String name) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token == JsonToken.VALUE_STRING, name + " must be a string");
        return json.getText();
    }

    private static long number(JsonToken token, JsonParser json, String name) throws IOException {
        expect(token == JsonToken.VALUE_NUMBER_INT && json.getNumberType() != JsonParser.NumberType.BIG_INTEGER,
                name + " must be a whole number");
        return json.getLongValue();
    }

    private static Instant instant(String text) {
        try {
            if (text == null) {
                return null;
            }
            Instant instant = IsoInstant.parse(text);
            return instant != null ? instant : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("recordedAt must be an ISO-8601 instant");
        }
    }

    /** The payload's bytes from its first to its last character, when it is an object. */
    private static RawJson slice(JsonToken token, JsonParser json, byte[] value) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token == JsonToken.START_OBJECT, "payload must be a JSON object");
        int start = Math.toIntExact(json.currentTokenLocation().getByteOffset());
        json.skipChildren();
        int end = Math.toIntExact(json.currentLocation().getByteOffset());
        return RawJson.of(Arrays.copyOfRange(value, start, end));
    }

    private static void expect(boolean holds, String message) {
        if (!holds) {
            throw new IllegalArgumentException(message);
        }
    }
}
