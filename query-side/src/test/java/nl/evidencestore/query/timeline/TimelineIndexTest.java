package nl.evidencestore.query.timeline;

import static nl.evidencestore.query.Fixtures.addAsRecords;
import static nl.evidencestore.query.Fixtures.lifecycle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.evidencestore.query.Fixtures;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineIndexTest {
    @TempDir
    Path dir;

    @Test
    void makesAddedEventsSearchableOnRefresh() {
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            addAsRecords(index, lifecycle());
            index.refresh();

            assertThat(index.documentCount()).isEqualTo(4);
        }
    }

    @Test
    void keepsOneDocumentPerEventIdWhenKafkaDeliversAgain() {
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            ForwardedEvent drafted = lifecycle().get(0);
            index.add(drafted, 0);
            index.add(drafted, 1);
            index.refresh();

            assertThat(index.documentCount()).isEqualTo(1);
        }
    }

    @Test
    void keepsOneDocumentPerEventWhenKafkaDeliversItAgainAfterARestartOrLate() {
        List<ForwardedEvent> events = lifecycle();
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            index.add(events.get(0), 0);
            index.add(events.get(2), 1);
            index.commit(2, 14);
        }

        try (TimelineIndex reopened = TimelineIndex.open(dir)) {
            reopened.add(events.get(0), 2); // sent again by a forwarder that restarted
            reopened.add(events.get(2), 3);
            reopened.add(events.get(1), 4); // a lower position than one indexed: a gap that closed late
            reopened.add(events.get(1), 5);
            reopened.add(events.get(3), 6);
            reopened.refresh();

            assertThat(reopened.documentCount()).isEqualTo(4);
        }
    }

    @Test
    void anOpenThatFailsReleasesTheIndexForTheNextOne() throws Exception {
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            // A drafted event whose stored bytes are no event: reading it back on open fails.
            index.add(lifecycle().get(0), "not an event".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0);
            index.commit(1, 1);
        }

        assertThatThrownBy(() -> TimelineIndex.open(dir)).hasMessageContaining("does not parse");
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                     .setIndexSort(TimelineDocuments.NEWEST_FIRST))) {
            assertThat(writer.getDocStats().numDocs).isEqualTo(1);
        }
    }

    @Test
    void aNewIndexHasNoCommittedOffsetOrPosition() {
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            assertThat(index.committedOffset()).isEmpty();
            assertThat(index.committedPosition()).isEmpty();
        }
    }

    @Test
    void readsBackTheCommittedOffsetAndPositionAfterARestart() {
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            addAsRecords(index, lifecycle());
            index.commit(4, 15);
        }

        try (TimelineIndex reopened = TimelineIndex.open(dir)) {
            assertThat(reopened.committedOffset()).hasValue(4);
            assertThat(reopened.committedPosition()).hasValue(15);
            assertThat(reopened.documentCount()).isEqualTo(4);
        }
    }

    @Test
    void losesWhatWasNotCommittedAsInACrash() {
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            List<ForwardedEvent> events = lifecycle();
            index.add(events.get(0), 0);
            index.add(events.get(1), 1);
            index.commit(2, 11);
            index.add(events.get(2), 2);
            index.add(events.get(3), 3);
            index.refresh();
            assertThat(index.documentCount()).isEqualTo(4);
        }

        try (TimelineIndex reopened = TimelineIndex.open(dir)) {
            assertThat(reopened.documentCount()).isEqualTo(2);
            assertThat(reopened.committedOffset()).hasValue(2);
            assertThat(reopened.committedPosition()).hasValue(11);
        }
    }

    @Test
    void startsAfreshFromTheFeedWhenTheIndexOnDiskWasWrittenInAnEarlierSchema() throws Exception {
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter earlier = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                     .setIndexSort(TimelineDocuments.NEWEST_FIRST))) {
            Document doc = TimelineDocuments.of(lifecycle().get(0), 0, new HashMap<>());
            doc.add(new LongPoint(TimelineDocuments.POSITION, 10)); // indexed so before schema 2
            earlier.addDocument(doc);
            earlier.setLiveCommitData(Map.of("kafkaNextOffset", "1", "appliedPosition", "10").entrySet());
            earlier.commit();
        }

        try (TimelineIndex index = TimelineIndex.open(dir)) {
            assertThat(index.committedOffset()).isEmpty();
            addAsRecords(index, lifecycle()); // Lucene would refuse these documents in the old index
            index.refresh();
            assertThat(index.documentCount()).isEqualTo(4);
            index.commit(4, 15);
        }
        try (TimelineIndex reopened = TimelineIndex.open(dir)) {
            assertThat(reopened.committedOffset()).hasValue(4);
        }
    }

    @Test
    void startsAfreshFromTheFeedWhenTheIndexOnDiskBrokeTiesByPosition() throws Exception {
        SortField occurredAt = new SortField(TimelineDocuments.OCCURRED_AT, SortField.Type.LONG, true);
        occurredAt.setMissingValue(Long.MIN_VALUE);
        Sort schema2 = new Sort(occurredAt, new SortField(TimelineDocuments.POSITION, SortField.Type.LONG, true));
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter earlier = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                     .setIndexSort(schema2))) {
            earlier.addDocument(TimelineDocuments.of(lifecycle().get(0), 0, new HashMap<>()));
            earlier.setLiveCommitData(Map.of("kafkaNextOffset", "1", "appliedPosition", "10",
                    "timelineSchema", "2").entrySet());
            earlier.commit();
        }

        try (TimelineIndex index = TimelineIndex.open(dir)) {
            assertThat(index.committedOffset()).isEmpty();
            assertThat(index.documentCount()).isZero();
        }
    }

    @Test
    void startsAfreshFromTheFeedWhenTheIndexOnDiskIsNotSortedByTheTimeline() throws Exception {
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter unsorted = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            unsorted.addDocument(TimelineDocuments.of(lifecycle().get(0), 0, new HashMap<>()));
            unsorted.setLiveCommitData(new FeedCheckpoint(1, 10).userData().entrySet());
            unsorted.commit();
        }

        try (TimelineIndex index = TimelineIndex.open(dir)) {
            assertThat(index.committedOffset()).isEmpty();
            assertThat(index.documentCount()).isZero();
            addAsRecords(index, lifecycle());
            index.commit(4, 15);
        }
        try (TimelineIndex reopened = TimelineIndex.open(dir)) {
            assertThat(reopened.committedOffset()).hasValue(4);
            assertThat(reopened.documentCount()).isEqualTo(4);
        }
    }

    @Test
    void returnsStoredEventsThatShareAPositionInTheOrderTheirRecordsCame() {
        ForwardedEvent signed = lifecycle().get(1);
        ForwardedEvent gapFilled = Fixtures.forwarded("ev-signed-late", 5, signed.position(), signed.recordedAt(),
                Fixtures.processorSigns(LocalDate.parse("2026-03-02")));
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            index.add(signed, 0);
            index.add(gapFilled, 1);
            index.refresh();

            assertThat(index.storedEventsOfType(Set.of("AgreementSigned"))).containsExactly(signed, gapFilled);
        }
    }

    @Test
    void returnsStoredEventsOfTheAskedTypesInPositionOrder() {
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            List<ForwardedEvent> events = lifecycle();
            index.add(events.get(3), 0);
            index.add(events.get(1), 1);
            index.add(events.get(0), 2);
            index.add(Fixtures.otherControllersDraft(), 3);
            index.refresh();

            assertThat(index.storedEventsOfType(Set.of("AgreementSigned", "AgreementTookEffect")))
                    .containsExactly(events.get(1), events.get(3));
        }
    }
}
