package nl.evidencestore.query.kafka;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class FeedConsumerTest {

    @Test
    void kafkaAcceptsTheFeedsConfigurationWithoutAGroup() {
        // Constructing a consumer validates the configuration but does not connect.
        assertThatCode(() -> FeedConsumer.connect("localhost:9092").close()).doesNotThrowAnyException();
    }
}
