package nl.evidencestore.query.kafka;

import static nl.evidencestore.query.Fixtures.AGREEMENT;
import static nl.evidencestore.query.Fixtures.CONTROLLER;
import static nl.evidencestore.query.Fixtures.DRAFTED_RECORDED;
import static nl.evidencestore.query.Fixtures.drafted;
import static nl.evidencestore.query.Fixtures.forwarded;
import static nl.evidencestore.query.Fixtures.lifecycle;
import static nl.evidencestore.query.Fixtures.record;
import static nl.evidencestore.query.Fixtures.undecodable;
import static nl.evidencestore.query.Fixtures.watermark;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.shared.kafka.KafkaConnection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.ErasedKeys;
import nl.evidencestore.query.agreement.AgreementState;
import nl.evidencestore.query.agreement.AgreementStateProjection;
import nl.evidencestore.query.agreement.AgreementStatus;
import nl.evidencestore.query.timeline.TimelineCursor;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.query.timeline.TimelineItem;
import nl.evidencestore.query.timeline.TimelinePage;
import nl.evidencestore.query.timeline.TimelineQuery;
import nl.evidencestore.query.timeline.TimelineSearch;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.kafka.Topics;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.subject.SealedSubject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The apply step without a broker: hand-built records as the forwarder writes them. */
class EventFeedTest {
    @TempDir
    Path dir;
    private TimelineIndex index;
    private AppliedPosition applied;
    private AgreementStateProjection agreements;
    private EventFeed feed;

    @BeforeEach
    void openIndex() {
        index = TimelineIndex.open(dir);
        applied = new AppliedPosition(0);
        agreements = new AgreementStateProjection(applied);
        feed = new EventFeed(KafkaConnection.plain("localhost:0"), Topics.EVENTS, index, List.of(agreements), applied);
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    @Test
    void feedsEveryEventToIndexAndProjectionsSkippingWhatCannotBeDecoded() {
        List<ForwardedEvent> events = lifecycle();

        applyAndSee(feed, List.of(
                record(0, events.get(0), 10),
                record(1, events.get(1), 11),
                undecodable(2, "ev-broken", 12, 12),
                record(3, events.get(2), 12),
                record(4, events.get(1), 12),
                record(5, events.get(3), 15)));

        AgreementState state = agreements.asOf(AGREEMENT, Instant.parse("2026-03-10T00:00:00Z"), null).orElseThrow();
        assertThat(state.status()).isEqualTo(AgreementStatus.EFFECTIVE);
        assertThat(state.signatures()).hasSize(2);
        assertThat(index.documentCount()).isEqualTo(4);
        assertThat(applied.current()).isEqualTo(15);
        assertThat(feed.nextOffset()).isEqualTo(6);
    }

    @Test
    void advancesToTheHighestLowWaterMarkNotTheHighestPosition() {
        List<ForwardedEvent> events = lifecycle();

        // Position 15 arrives while 12 to 14 are still in flight on the command side.
        applyAndSee(feed, List.of(record(0, events.get(0), 10), record(1, events.get(3), 11)));

        assertThat(applied.current()).isEqualTo(11);
    }

    @Test
    void neverMovesTheAppliedPositionBackOnARedeliveredBatch() {
        List<ForwardedEvent> events = lifecycle();
        applyAndSee(feed, List.of(record(0, events.get(0), 10), record(1, events.get(1), 11)));

        applyAndSee(feed, List.of(record(0, events.get(0), 10)));

        assertThat(applied.current()).isEqualTo(11);
        assertThat(feed.nextOffset()).isEqualTo(2);
        assertThat(index.documentCount()).isEqualTo(2);
    }

    @Test
    void aWatermarkRecordAdvancesTheAppliedPositionWithoutAnEvent() {
        applyAndSee(feed, List.of(record(0, lifecycle().get(0), 10)));

        applyAndSee(feed, List.of(watermark(1, 14)));

        assertThat(applied.current()).isEqualTo(14);
        assertThat(index.documentCount()).isEqualTo(1);
        assertThat(feed.nextOffset()).isEqualTo(2);
    }

    @Test
    void goesOnAfterABatchOfOnlyUndecodableRecords() {
        applyAndSee(feed, List.of(undecodable(0, "ev-broken", 3, 3)));
        applyAndSee(feed, List.of(record(1, lifecycle().get(0), 10)));

        assertThat(index.documentCount()).isEqualTo(1);
        assertThat(applied.current()).isEqualTo(10);
        assertThat(feed.nextOffset()).isEqualTo(2);
    }

    @Test
    void passesOverAProjectionThatFailsAndFeedsTheOthers() {
        List<ForwardedEvent> seen = new ArrayList<>();
        EventFeed withBrokenProjection = new EventFeed(KafkaConnection.plain("localhost:0"), Topics.EVENTS, index,
                List.of(event -> {
                    throw new IllegalStateException("a bug");
                }, seen::add), applied);

        applyAndSee(withBrokenProjection, List.of(record(0, lifecycle().get(0), 10)));

        assertThat(seen).hasSize(1);
        assertThat(applied.current()).isEqualTo(10);
    }

    @Test
    void resumesFromTheOffsetInTheIndexCommit() {
        index.commit(42, 40);

        EventFeed resumed = new EventFeed(KafkaConnection.plain("localhost:0"), Topics.EVENTS, index, List.of(agreements), applied);

        assertThat(resumed.nextOffset()).isEqualTo(42);
    }

    @Test
    void ordersAccessesThatShareOccurredAtAndPositionByTheOffsetsOfTheirRecords() {
        ForwardedEvent drafted = forwarded("ev-drafted", 1, 10, DRAFTED_RECORDED, drafted(AGREEMENT, CONTROLLER));
        // a2 and a3 filled gaps, so the forwarder gave them a1's position.
        ForwardedEvent a1 = access("a1", 11);
        ForwardedEvent a2 = access("a2", 11);
        ForwardedEvent a3 = access("a3", 11);
        applyAndSee(feed, List.of(record(0, drafted, 10), record(3, a1, 11), record(5, a2, 11), record(8, a3, 11)));
        // The consumer was sought back and reads a2's record again: a2 keeps its place, as in a rebuild.
        applyAndSee(feed, List.of(record(5, a2, 11)));

        TimelineSearch search = new TimelineSearch(index, new ErasedKeys());
        TimelinePage first = search.search(TimelineQuery.all().withPage(1, Optional.empty()));
        TimelinePage second = search.search(TimelineQuery.all()
                .withPage(2, Optional.of(TimelineCursor.decode(first.nextCursor()))));

        assertThat(first.items()).extracting(TimelineItem::accessId).containsExactly("a3");
        assertThat(second.items()).extracting(TimelineItem::accessId).containsExactly("a2", "a1");
    }

    private static ForwardedEvent access(String accessId, long position) {
        Instant occurredAt = Instant.parse("2026-04-01T08:00:00Z");
        return forwarded("ev-" + accessId, 1, position, occurredAt.plusSeconds(1), new AccessRecorded(AGREEMENT,
                accessId, new Actor("emp-1", ActorKind.EMPLOYEE, null), Purpose.of("REMOTE_SUPPORT"), "ticket-1",
                List.of(DataCategory.of("SURNAME")), new SealedSubject("key-1", "Y2lwaGVydGV4dA=="), Country.of("NL"),
                "visiquick-support", occurredAt, Verdict.of(List.of()), true, false, "eea-2026-01"));
    }

    /** Applies a batch and waits for the reopen that makes it searchable, when the position moves. */
    private void applyAndSee(EventFeed target, List<ConsumerRecord<byte[], byte[]>> batch) {
        target.apply(batch);
        index.refresh();
    }

    @Test
    void aReaderThatBeginsToWaitAfterItsBatchWasAppliedAsksForTheReopenItself() throws InterruptedException {
        index.close();
        // Idle reopens ten minutes apart: only a reopen the reader asks for makes it in time.
        index = TimelineIndex.open(dir.resolve("slow"), Duration.ofMinutes(10));
        AppliedPosition slowApplied = new AppliedPosition(0);
        EventFeed slowFeed = new EventFeed(KafkaConnection.plain("localhost:0"), Topics.EVENTS, index, List.of(), slowApplied);
        index.refresh();

        slowFeed.apply(List.of(record(0, lifecycle().get(0), 101)));

        assertThat(slowApplied.await(101, Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void theAppliedPositionNeverRunsAheadOfWhatSearchersSee() {
        ForwardedEvent drafted = lifecycle().get(0);
        for (int batch = 1; batch <= 300; batch++) {
            long mark = 100 + batch;
            ForwardedEvent event = new ForwardedEvent("ev-" + batch, drafted.type(), drafted.streamId(), batch, mark,
                    drafted.recordedAt(), drafted.payload());
            feed.apply(batch % 7 == 0 ? List.of(watermark(batch, mark - 1), record(batch, event, mark))
                    : List.of(record(batch, event, mark)));
            long appliedNow = applied.current();
            long seen = index.documentCount();
            assertThat(seen).as("documents searchable once position %d is applied", appliedNow)
                    .isGreaterThanOrEqualTo(appliedNow - 100);
        }
        index.refresh();
        assertThat(applied.current()).isEqualTo(400);
    }
}
