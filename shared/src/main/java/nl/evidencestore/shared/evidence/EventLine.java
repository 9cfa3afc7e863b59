package nl.evidencestore.shared.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.json.JcsText;
import nl.evidencestore.shared.json.Json;

/**
 * One line of a bundle's {@code events.jsonl}: an event's envelope, its hash and its stored
 * payload bytes, or no payload at all for a stub (docs/evidence-format.md §3).
 *
 * <p>{@code payload} is exactly the stored canonical bytes; a line embeds them as a JSON
 * object, and because they are JCS already, canonicalising the parsed object gives them back.
 */
public record EventLine(EventEnvelope envelope, String hash, byte[] payload) {
    // Events written by an older version may lack a field a newer record has, and the reverse.
    private static final ObjectMapper EVENTS = Json.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Per thread, the last line decoded and its event (by identity: a record's equals would cost a compare). */
    private static final ThreadLocal<Object[]> LAST_DECODED = ThreadLocal.withInitial(() -> new Object[2]);

    public EventLine {
        if (envelope == null || hash == null) {
            throw new IllegalArgumentException("a line needs its envelope and hash");
        }
        payload = payload == null ? null : payload.clone();
    }

    public static EventLine stub(EventEnvelope envelope, String hash) {
        return new EventLine(envelope, hash, null);
    }

    public boolean isStub() {
        return payload == null;
    }

    @Override
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }

    /**
     * The line as written to {@code events.jsonl}: JCS bytes and a newline. JCS orders members by
     * their names' UTF-16 code units; the names are fixed, so is their order, and the payload is
     * stored canonical already: the line is written directly, not parsed and serialised again
     * (a bundle of a million events is written at the speed of this method).
     */
    public byte[] toJsonl() {
        EventEnvelope e = envelope;
        StringBuilder head = new StringBuilder(420);
        head.append("{\"eventId\":");
        JcsText.string(head, e.eventId());
        head.append(",\"hash\":");
        JcsText.string(head, hash);
        head.append(",\"occurredAt\":\"").append(EventHash.format(e.occurredAt())).append('"');
        if (payload != null) {
            head.append(",\"payload\":");
        }
        StringBuilder tail = new StringBuilder(300);
        tail.append(",\"payloadSha256\":");
        JcsText.string(tail, e.payloadSha256());
        tail.append(",\"prevHash\":");
        JcsText.string(tail, e.prevHash());
        tail.append(",\"recordedAt\":\"").append(EventHash.format(e.recordedAt())).append('"');
        tail.append(",\"sequence\":").append(e.sequence());
        tail.append(",\"streamId\":");
        JcsText.string(tail, e.streamId());
        tail.append(",\"type\":");
        JcsText.string(tail, e.type());
        tail.append(",\"v\":").append(e.v()).append("}\n");
        byte[] first = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] last = tail.toString().getBytes(StandardCharsets.UTF_8);
        int middle = payload == null ? 0 : payload.length;
        byte[] line = Arrays.copyOf(first, first.length + middle + last.length);
        if (payload != null) {
            System.arraycopy(payload, 0, line, first.length, middle);
        }
        System.arraycopy(last, 0, line, first.length + middle, last.length);
        return line;
    }

    /**
     * Reads a line back. Malformed input is an {@link IllegalArgumentException} naming what is
     * wrong; whether the line is canonical, and whether its hashes hold, is the verifier's
     * business, not the parser's.
     */
    public static EventLine parse(byte[] line) {
        JsonNode node;
        try {
            node = EVENTS.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        EventEnvelope envelope = new EventEnvelope(
                integer(object, "v"), text(object, "eventId"), text(object, "type"), text(object, "streamId"),
                longInteger(object, "sequence"), EventHash.parse(text(object, "occurredAt")),
                EventHash.parse(text(object, "recordedAt")), text(object, "prevHash"), text(object, "payloadSha256"));
        JsonNode payload = object.get("payload");
        return new EventLine(envelope, text(object, "hash"), payload == null ? null : Json.canonical(payload));
    }

    /** The payload as its event record, when the type is one this version knows. */
    public Optional<EvidenceEvent> event() {
        if (payload == null) {
            return Optional.empty();
        }
        // The verifier asks one line for its event several times in a row (rules, timeline row):
        // decoding is most of its cost, and the line and the event are both immutable.
        Object[] last = LAST_DECODED.get();
        if (last[0] == this) {
            return Optional.of((EvidenceEvent) last[1]);
        }
        Optional<EvidenceEvent> event = EventTypes.classOf(envelope.type()).map(type -> {
            try {
                return EVENTS.readValue(payload, type);
            } catch (IOException e) {
                throw new UncheckedIOException("the payload of " + envelope.eventId() + " is not a " + envelope.type(), e);
            }
        });
        event.ifPresent(decoded -> {
            last[0] = this;
            last[1] = decoded;
        });
        return event;
    }

    private static JsonNode tree(byte[] json) {
        try {
            return EVENTS.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field " + field + " is missing or not a string");
        }
        return value.textValue();
    }

    private static long longInteger(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("field " + field + " is missing or not an integer");
        }
        return value.longValue();
    }

    private static int integer(ObjectNode object, String field) {
        return Math.toIntExact(longInteger(object, field));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventLine line && envelope.equals(line.envelope) && hash.equals(line.hash)
                && Arrays.equals(payload, line.payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * envelope.hashCode() + hash.hashCode()) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "EventLine[" + envelope.streamId() + "#" + envelope.sequence() + (isStub() ? " stub" : "") + "]";
    }
}
