package nl.evidencestore.command.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nl.evidencestore.shared.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** A dead letter is the refused record unchanged, plus why and where it came from. */
class DeadLettersTest {
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final DeadLetters deadLetters = new DeadLetters(producer, "evidence.commands.dlq");

    @Test
    void carriesTheOriginalKeyValueAndHeadersWithTheReasonAndTheSource() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", bytes("00-abc-def-01"));
        headers.add(Topics.HEADER_ERROR_CLASS, bytes("forged by the publisher"));
        ConsumerRecord<byte[], byte[]> refused = new ConsumerRecord<>("evidence.commands", 3, 42L, -1L,
                TimestampType.CREATE_TIME, 0, 0, bytes("agr-1"), bytes("{not json"), headers, Optional.empty());

        deadLetters.send(refused, new Refusal("RuleViolation", "each party signs once", "11.1"));

        ProducerRecord<byte[], byte[]> letter = producer.history().get(0);
        assertThat(letter.topic()).isEqualTo("evidence.commands.dlq");
        assertThat(letter.key()).isEqualTo(bytes("agr-1"));
        assertThat(letter.value()).isEqualTo(bytes("{not json"));
        assertThat(text(letter, "traceparent")).isEqualTo("00-abc-def-01");
        assertThat(letter.headers().headers(Topics.HEADER_ERROR_CLASS)).hasSize(1);
        assertThat(text(letter, Topics.HEADER_ERROR_CLASS)).isEqualTo("RuleViolation");
        assertThat(text(letter, Topics.HEADER_ERROR_REASON)).isEqualTo("each party signs once");
        assertThat(text(letter, Topics.HEADER_ERROR_ARTICLE)).isEqualTo("11.1");
        assertThat(text(letter, Topics.HEADER_SOURCE_TOPIC)).isEqualTo("evidence.commands");
        assertThat(text(letter, Topics.HEADER_SOURCE_PARTITION)).isEqualTo("3");
        assertThat(text(letter, Topics.HEADER_SOURCE_OFFSET)).isEqualTo("42");
    }

    @Test
    void aRecordWithoutKeyOrValueIsDeadLetteredAsItCame() {
        ConsumerRecord<byte[], byte[]> refused = new ConsumerRecord<>("evidence.commands", 0, 7L, null, null);

        deadLetters.send(refused, new Refusal("InvalidInput", "$: a record value is required", null));

        ProducerRecord<byte[], byte[]> letter = producer.history().get(0);
        assertThat(letter.key()).isNull();
        assertThat(letter.value()).isNull();
        assertThat(letter.headers().lastHeader(Topics.HEADER_ERROR_ARTICLE)).isNull();
    }

    private static String text(ProducerRecord<byte[], byte[]> record, String header) {
        Header last = record.headers().lastHeader(header);
        return new String(last.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
