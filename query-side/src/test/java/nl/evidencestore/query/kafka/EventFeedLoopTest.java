package nl.evidencestore.query.kafka;

import static nl.evidencestore.query.Fixtures.lifecycle;
import static nl.evidencestore.query.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.kafka.Topics;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poll loop against Kafka's MockConsumer: resume from the index commit, commit on close. */
class EventFeedLoopTest {
    private static final TopicPartition PARTITION = new TopicPartition(Topics.EVENTS, 0);

    @TempDir
    Path dir;

    @Test
    void resumesAfterTheCommittedOffsetAndCommitsWhereItStoppedOnClose() {
        List<ForwardedEvent> events = lifecycle();
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            index.add(events.get(0), 0);
            index.add(events.get(1), 1);
            index.commit(2, 11);
        }

        try (TimelineIndex index = TimelineIndex.open(dir)) {
            AppliedPosition applied = new AppliedPosition(index.committedPosition().orElse(0));
            MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            List<ForwardedEvent> seen = new CopyOnWriteArrayList<>();
            EventFeed feed = new EventFeed(() -> consumer, Topics.EVENTS, index, List.of(seen::add), applied, Duration.ofHours(1));

            feed.start();
            for (int offset = 0; offset < events.size(); offset++) {
                long lowWaterMark = events.get(offset).position();
                consumer.addRecord(record(offset, events.get(offset), lowWaterMark));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> applied.current() == 15);
            feed.close();

            assertThat(seen).containsExactly(events.get(2), events.get(3));
            assertThat(consumer.closed()).isTrue();
            assertThat(index.documentCount()).isEqualTo(4);
        }

        try (TimelineIndex reopened = TimelineIndex.open(dir)) {
            assertThat(reopened.committedOffset()).hasValue(4);
            assertThat(reopened.committedPosition()).hasValue(15);
            assertThat(reopened.documentCount()).isEqualTo(4);
        }
    }
}
