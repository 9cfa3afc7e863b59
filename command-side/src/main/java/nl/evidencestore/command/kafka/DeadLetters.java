package nl.evidencestore.command.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import nl.evidencestore.shared.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Refused command records on the DLQ: the original key, value and headers unchanged, plus
 * headers saying why and where the record came from.
 */
final class DeadLetters {
    private static final List<String> OURS = List.of(Topics.HEADER_ERROR_CLASS, Topics.HEADER_ERROR_REASON,
            Topics.HEADER_ERROR_ARTICLE, Topics.HEADER_SOURCE_TOPIC, Topics.HEADER_SOURCE_PARTITION,
            Topics.HEADER_SOURCE_OFFSET);

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    DeadLetters(Producer<byte[], byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    Future<RecordMetadata> send(ConsumerRecord<byte[], byte[]> refused, Refusal refusal) {
        return producer.send(letter(refused, refusal));
    }

    ProducerRecord<byte[], byte[]> letter(ConsumerRecord<byte[], byte[]> refused, Refusal refusal) {
        RecordHeaders headers = new RecordHeaders(refused.headers().toArray());
        OURS.forEach(headers::remove); // a publisher's header of the same name must not pass for ours
        headers.add(Topics.HEADER_ERROR_CLASS, utf8(refusal.errorClass()));
        headers.add(Topics.HEADER_ERROR_REASON, utf8(refusal.reason()));
        if (refusal.article() != null) {
            headers.add(Topics.HEADER_ERROR_ARTICLE, utf8(refusal.article()));
        }
        headers.add(Topics.HEADER_SOURCE_TOPIC, utf8(refused.topic()));
        headers.add(Topics.HEADER_SOURCE_PARTITION, utf8(Integer.toString(refused.partition())));
        headers.add(Topics.HEADER_SOURCE_OFFSET, utf8(Long.toString(refused.offset())));
        return new ProducerRecord<>(topic, null, refused.key(), refused.value(), headers);
    }

    /** Returns once the broker has every one of them; throws when one was not taken. */
    static void awaitDelivered(List<Future<RecordMetadata>> letters) {
        try {
            for (Future<RecordMetadata> letter : letters) {
                letter.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing dead letters", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the DLQ did not acknowledge a dead letter", e.getCause());
        }
    }

    static boolean delivered(List<Future<RecordMetadata>> letters) {
        try {
            awaitDelivered(letters);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
