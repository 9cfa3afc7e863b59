package nl.evidencestore.query.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import nl.evidencestore.query.Events;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.kafka.ForwardedEvents;
import nl.evidencestore.shared.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one record of {@link Topics#EVENTS}. Logs name a record by offset and event id only:
 * values (and parser messages that quote them) can hold personal data.
 */
final class FeedRecords {
    private static final Logger LOG = LoggerFactory.getLogger(FeedRecords.class);
    private static final byte[] WATERMARK = Topics.WATERMARK_TYPE.getBytes(StandardCharsets.UTF_8);

    private FeedRecords() {
    }

    /** The forwarded event, or empty (and logged) when the record cannot be decoded. */
    static Optional<ForwardedEvent> event(ConsumerRecord<byte[], byte[]> record) {
        if (isWatermark(record)) {
            return Optional.empty(); // carries only its low-water mark
        }
        try {
            return Optional.of(decoded(record.value()));
        } catch (RuntimeException e) {
            LOG.warn("skipping undecodable record at offset {} (eventId {}): {}", record.offset(),
                    header(record, Topics.HEADER_EVENT_ID).orElse("?"), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * The forwarder's own form is read by hand, and taken when its payload decodes as its type;
     * anything else (another form, a type this build does not know, a payload that does not
     * decode) is read by the parser, so what is taken is what the parser would take.
     */
    private static ForwardedEvent decoded(byte[] value) {
        ForwardedEvent quick = ForwardedEvents.readAsWritten(value);
        if (quick != null && EventTypes.classOf(quick.type()).isPresent()) {
            try {
                Events.decode(quick);
                return quick;
            } catch (RuntimeException e) {
                // the parser decides
            }
        }
        ForwardedEvent event = ForwardedEvents.read(value);
        requireComplete(event);
        Events.decode(event);
        return event;
    }

    /** Compared as bytes: every record is asked, and nearly none is one. */
    private static boolean isWatermark(ConsumerRecord<byte[], byte[]> record) {
        Header type = record.headers().lastHeader(Topics.HEADER_EVENT_TYPE);
        return type != null && Arrays.equals(type.value(), WATERMARK);
    }

    static OptionalLong lowWaterMark(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(Topics.HEADER_LOW_WATER_MARK);
        if (header == null || header.value() == null || header.value().length != Long.BYTES) {
            LOG.warn("record at offset {} has no readable {} header", record.offset(), Topics.HEADER_LOW_WATER_MARK);
            return OptionalLong.empty();
        }
        return OptionalLong.of(ByteBuffer.wrap(header.value()).getLong());
    }

    private static void requireComplete(ForwardedEvent event) {
        if (event.eventId() == null || event.type() == null || event.streamId() == null
                || event.recordedAt() == null || event.payload() == null) {
            throw new IllegalArgumentException("forwarded event lacks a required field");
        }
    }

    private static Optional<String> header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
