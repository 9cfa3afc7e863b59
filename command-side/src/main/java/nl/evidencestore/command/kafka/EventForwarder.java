package nl.evidencestore.command.kafka;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.kafka.ForwardedEvents;
import nl.evidencestore.shared.kafka.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries every stored event to the events topic ({@link Topics#EVENTS}), driven by a tracking processor that
 * hands it events in batches. A batch is sent asynchronously and flushed before the batch's
 * unit of work commits, and the processor's token commits in that same transaction: a
 * failed send rolls the token back and the batch comes again (at least once; the query side
 * is idempotent by event id).
 */
public final class EventForwarder implements EventMessageHandler, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventForwarder.class);
    private static final String PENDING = EventForwarder.class.getName() + ".pending";

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Serializer serializer;
    private final LowWaterMark lowWaterMark;
    private final AtomicReference<GapAwareTrackingToken> committed = new AtomicReference<>();
    /** Stamping and sending happen under this lock, so marks on the topic only ever grow. */
    private final Object sending = new Object();
    private long lastSentMark = -1;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "evidence-watermark"));

    public EventForwarder(Producer<String, byte[]> producer, String topic, Duration gapGrace, Serializer serializer) {
        this.producer = producer;
        this.serializer = serializer;
        this.topic = topic;
        this.lowWaterMark = new LowWaterMark(gapGrace, Clock.systemUTC());
        ticker.scheduleWithFixedDelay(this::sendWatermarkIfAdvanced, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** A record waiting for its batch's flush, with the token its low-water mark derives from. */
    private record Pending(ProducerRecord<String, byte[]> record, GapAwareTrackingToken token) {
    }

    /**
     * Takes the event as stored: its payload bytes go to Kafka as they are, never deserialised
     * and serialised again (the same serializer wrote them, so Axon hands them back unchanged).
     */
    @Override
    public Object handle(EventMessage<?> message) {
        DomainEventMessage<?> event = (DomainEventMessage<?>) message;
        GapAwareTrackingToken position = (GapAwareTrackingToken) ((TrackedEventMessage<?>) message).trackingToken();
        String type = EventTypes.nameOf(event.getPayloadType());
        byte[] payload = event.serializePayload(serializer, byte[].class).getData();
        byte[] value = ForwardedEvents.write(event.getIdentifier(), type, event.getAggregateIdentifier(),
                event.getSequenceNumber(), position.getIndex(), event.getTimestamp(), payload);
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.HEADER_EVENT_ID, utf8(event.getIdentifier()));
        headers.add(Topics.HEADER_EVENT_TYPE, utf8(type));
        headers.add(Topics.HEADER_POSITION, bytes(position.getIndex()));
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, null, event.getAggregateIdentifier(), value, headers);
        pendingIn(CurrentUnitOfWork.get().root(), position).add(new Pending(record, position));
        return null;
    }

    private List<Pending> pendingIn(UnitOfWork<?> batch, GapAwareTrackingToken token) {
        List<Pending> pending = batch.getOrComputeResource(PENDING, key -> {
            List<Pending> records = new ArrayList<>();
            batch.onPrepareCommit(u -> sendAll(records));
            return records;
        });
        batch.afterCommit(u -> committed.accumulateAndGet(token, EventForwarder::later));
        return pending;
    }

    private void sendAll(List<Pending> pending) {
        synchronized (sending) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(pending.size());
            for (Pending each : pending) {
                long mark = lowWaterMark.advance(each.token().getIndex(), each.token().getGaps());
                each.record().headers().remove(Topics.HEADER_LOW_WATER_MARK); // a retried batch is stamped anew
                each.record().headers().add(Topics.HEADER_LOW_WATER_MARK, bytes(mark));
                sent.add(producer.send(each.record()));
                lastSentMark = mark;
            }
            producer.flush();
            sent.forEach(EventForwarder::awaitAcknowledged);
        }
    }

    private static void awaitAcknowledged(Future<RecordMetadata> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while forwarding events", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not acknowledge a forwarded event; the batch will be retried", e.getCause());
        }
    }

    /**
     * Without new events, a gap that expired would hold read-your-writes back: announce the
     * mark of the last committed batch, whose records are on the topic already.
     */
    private void sendWatermarkIfAdvanced() {
        try {
            synchronized (sending) {
                GapAwareTrackingToken token = committed.get();
                if (token == null) {
                    return;
                }
                long mark = lowWaterMark.advance(token.getIndex(), token.getGaps());
                if (mark > lastSentMark) {
                    RecordHeaders headers = new RecordHeaders();
                    headers.add(Topics.HEADER_EVENT_TYPE, utf8(Topics.WATERMARK_TYPE));
                    headers.add(Topics.HEADER_LOW_WATER_MARK, bytes(mark));
                    producer.send(new ProducerRecord<String, byte[]>(topic, null, (String) null, (byte[]) null, headers)).get();
                    lastSentMark = mark;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("could not send a low-water mark; will try again: {}", e.toString());
        }
    }

    private static GapAwareTrackingToken later(GapAwareTrackingToken current, GapAwareTrackingToken next) {
        return current == null || next.getIndex() >= current.getIndex() ? next : current;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] bytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
