package nl.evidencestore.shared.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
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
    private static final String ACCESS = EventTypes.nameOf(AccessRecorded.class);
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
     * Hands the stored payload's bytes, not a copy, to a reader that neither changes nor keeps
     * them past the line (an exporter reading a million payloads in place); false for a stub.
     */
    public boolean readPayload(Predicate<byte[]> reader) {
        return payload != null && reader.test(payload);
    }

    /**
     * The line as written to {@code events.jsonl}: JCS bytes and a newline. JCS orders members by
     * their names' UTF-16 code units; the names are fixed, so is their order, and the payload is
     * stored canonical already: the line is written directly, not parsed and serialised again
     * (a bundle of a million events is written at the speed of this method).
     */
    public byte[] toJsonl() {
        LineBytes line = new LineBytes((payload == null ? 0 : payload.length) + 480);
        writeJsonl(line);
        return line.toByteArray();
    }

    /** The same bytes as {@link #toJsonl()}, written into {@code out} in place: no array of the line's own. */
    public void writeJsonl(LineBytes out) {
        writeJsonl(out, EventHash.format(envelope.occurredAt()), EventHash.format(envelope.recordedAt()));
    }

    /**
     * The same, with the envelope's instants as {@link EventHash#format} writes them, given by a
     * caller that needs one of them again (an exporter's timeline row): formatted once.
     */
    public void writeJsonl(LineBytes out, String occurredAt, String recordedAt) {
        EventEnvelope e = envelope;
        out.ascii("{\"eventId\":").jsonString(e.eventId())
                .ascii(",\"hash\":").jsonString(hash)
                .ascii(",\"occurredAt\":\"").ascii(occurredAt).ascii("\"");
        if (payload != null) {
            out.ascii(",\"payload\":").bytes(payload);
        }
        // The envelope holds its two digests to 64 lower-case hex digits: nothing to escape.
        out.ascii(",\"payloadSha256\":").plainString(e.payloadSha256())
                .ascii(",\"prevHash\":").plainString(e.prevHash())
                .ascii(",\"recordedAt\":\"").ascii(recordedAt).ascii("\"")
                .ascii(",\"sequence\":").decimal(e.sequence())
                .ascii(",\"streamId\":").jsonString(e.streamId())
                .ascii(",\"type\":").jsonString(e.type())
                .ascii(",\"v\":").decimal(e.v()).ascii("}\n");
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

    /**
     * The same as {@link #event()}, for a line read from the store, whose payload is canonical as
     * stored: an access, nearly every line of a bundle, is read without the general mapper
     * ({@link AccessPayload}), which gives the same record or leaves the payload to the mapper.
     */
    public Optional<EvidenceEvent> storedEvent() {
        if (payload != null && ACCESS.equals(envelope.type())) {
            AccessRecorded access = AccessPayload.read(payload, 0, payload.length);
            if (access != null) {
                return Optional.of(access);
            }
        }
        return event();
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
