package nl.evidencestore.shared.evidence.verify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;

/**
 * The fast way through a line that is canonical, as every line of an untouched bundle is: one
 * pass proves the RFC 8785 form ({@link JcsForm}), one streaming parse reads the envelope, and the stored payload
 * is the line's own bytes between its braces, since a canonical line embeds it unchanged.
 * Anything else goes the slow way ({@link EventLine#parse}), which says what is wrong.
 */
final class CanonicalLine {
    private CanonicalLine() {
    }

    /** The line, when {@code raw} is exactly its JCS form and a newline; empty otherwise. */
    static Optional<EventLine> read(byte[] raw) {
        if (raw.length < 2 || raw[raw.length - 1] != '\n') {
            return Optional.empty();
        }
        byte[] json = Arrays.copyOf(raw, raw.length - 1);
        Fields fields = new Fields(json);
        try {
            return JcsForm.isCanonical(json, fields) ? Optional.of(fields.line()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Instant instant(String text) {
        return EventHash.parse(text);
    }

    /** The fields as read on the canonical pass; anything missing or unknown fails, and the slow way names it. */
    private static final class Fields implements JcsForm.TopFields {
        private final byte[] json;
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

        Fields(byte[] json) {
            this.json = json;
        }

        @Override
        public void scalar(String name, JsonToken token, JsonParser parser) throws IOException {
            if (token == JsonToken.VALUE_STRING) {
                text(name, parser.getText());
            } else if (token == JsonToken.VALUE_NUMBER_INT) {
                number(name, parser.getLongValue());
            } else {
                throw new IOException("unexpected " + token + " in field " + name);
            }
        }

        @Override
        public void object(String name, int start, int end) throws IOException {
            if (!"payload".equals(name)) {
                throw new IOException("unexpected object " + name);
            }
            payload = Arrays.copyOfRange(json, start, end);
        }

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
                    instant(occurredAt), instant(recordedAt), prevHash, payloadSha256);
            return new EventLine(envelope, hash, payload);
        }
    }
}
