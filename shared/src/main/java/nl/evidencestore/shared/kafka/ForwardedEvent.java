package nl.evidencestore.shared.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The value of a record on {@link Topics#EVENTS}: one stored event with its place in its
 * stream and in the global log. The payload is the event record's JSON.
 */
public record ForwardedEvent(String eventId, String type, String streamId, long sequence,
                             long position, Instant recordedAt, JsonNode payload) {
}
