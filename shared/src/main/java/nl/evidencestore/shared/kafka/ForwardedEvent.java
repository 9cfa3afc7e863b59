package nl.evidencestore.shared.kafka;

import java.time.Instant;
import nl.evidencestore.shared.json.RawJson;

/**
 * The value of a record on {@link Topics#EVENTS}: one stored event with its place in its
 * stream and in the global log. The payload is the event record's JSON as it was stored.
 */
public record ForwardedEvent(String eventId, String type, String streamId, long sequence,
                             long position, Instant recordedAt, RawJson payload) {
}
