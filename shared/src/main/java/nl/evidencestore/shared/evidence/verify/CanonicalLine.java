package nl.evidencestore.shared.evidence.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The fast way through a line that is canonical, as every line of an untouched bundle is: one
 * RFC 8785 pass proves the form, one streaming parse reads the envelope, and the stored payload
 * is the line's own bytes between its braces, since a canonical line embeds it unchanged.
 * Anything else goes the slow way ({@link EventLine#parse}), which says what is wrong.
 */
final class CanonicalLine {
    private static final JsonFactory JSON = new JsonFactory();

    private CanonicalLine() {
    }

    /** The line, when {@code raw} is exactly its JCS form and a newline; empty otherwise. */
    static Optional<EventLine> read(byte[] raw) {
        if (raw.length < 2 || raw[raw.length - 1] != '\n') {
            return Optional.empty();
        }
        byte[] json = Arrays.copyOf(raw, raw.length - 1);
        try {
            if (!Arrays.equals(new JsonCanonicalizer(json).getEncodedUTF8(), json)) {
                return Optional.empty();
            }
            return Optional.of(parse(json));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static EventLine parse(byte[] json) throws IOException {
        Fields f = new Fields();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("payload") && value == JsonToken.START_OBJECT) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getByteOffset();
                    f.payload = Arrays.copyOfRange(json, start, end);
                } else if (value == JsonToken.VALUE_STRING) {
                    f.text(name, parser.getText());
                } else if (value == JsonToken.VALUE_NUMBER_INT) {
                    f.number(name, parser.getLongValue());
                } else {
                    throw new IOException("unexpected field " + name);
                }
            }
        }
        return f.line();
    }

    /** The fields as read; anything missing or unknown fails, and the slow way names it. */
    private static final class Fields {
        private String eventId;
        private String type;
        private String streamId;
        private String occurredAt;
        private String recordedAt;
        private String prevHash;
        private String payloadSha256;
        private String hash;
        private Long sequence;
        private Long v;
        private byte[] payload;

        void text(String name, String value) throws IOException {
            switch (name) {
                case "eventId" -> eventId = value;
                case "type" -> type = value;
                case "streamId" -> streamId = value;
                case "occurredAt" -> occurredAt = value;
                case "recordedAt" -> recordedAt = value;
                case "prevHash" -> prevHash = value;
                case "payloadSha256" -> payloadSha256 = value;
                case "hash" -> hash = value;
                default -> throw new IOException("unexpected field " + name);
            }
        }

        void number(String name, long value) throws IOException {
            switch (name) {
                case "sequence" -> sequence = value;
                case "v" -> v = value;
                default -> throw new IOException("unexpected field " + name);
            }
        }

        EventLine line() throws IOException {
            if (v == null || sequence == null || occurredAt == null || recordedAt == null || hash == null) {
                throw new IOException("a field is missing");
            }
            EventEnvelope envelope = new EventEnvelope(Math.toIntExact(v), eventId, type, streamId, sequence,
                    EventHash.parse(occurredAt), EventHash.parse(recordedAt), prevHash, payloadSha256);
            return new EventLine(envelope, hash, payload);
        }
    }
}
