package nl.evidencestore.query.kafka;

import static org.assertj.core.api.Assertions.assertThatCode;

import nl.evidencestore.shared.kafka.KafkaConnection;
import org.junit.jupiter.api.Test;

class FeedConsumerTest {

    @Test
    void kafkaAcceptsTheFeedsConfigurationWithoutAGroup() {
        // Constructing a consumer validates the configuration but does not connect.
        assertThatCode(() -> FeedConsumer.connect(KafkaConnection.plain("localhost:9092")).close()).doesNotThrowAnyException();
    }
}
