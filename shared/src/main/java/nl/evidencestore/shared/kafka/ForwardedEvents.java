package nl.evidencestore.shared.kafka;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import nl.evidencestore.shared.json.Json;

/**
 * Writes a {@link ForwardedEvent} around payload bytes as they are stored, without parsing
 * and re-serialising them: the forwarder handles every event the store ever appends.
 */
public final class ForwardedEvents {
    private ForwardedEvents() {
    }

    public static byte[] write(String eventId, String type, String streamId, long sequence, long position,
                               Instant recordedAt, byte[] payloadJson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payloadJson.length + 256);
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("eventId", eventId);
            json.writeStringField("type", type);
            json.writeStringField("streamId", streamId);
            json.writeNumberField("sequence", sequence);
            json.writeNumberField("position", position);
            json.writeStringField("recordedAt", recordedAt.toString());
            json.writeFieldName("payload");
            json.writeRawValue(new String(payloadJson, StandardCharsets.UTF_8));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
