package nl.evidencestore.query.timeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * quality.md W7's baseline: the timeline's documents for these events added to a bare
 * {@link IndexWriter} on one thread and committed once, with none of the live index's work
 * (no replace by event id, no reopening searchers, no projections, no Kafka). A rebuild is
 * measured against this rate.
 */
public final class RawTimelineIndexing {
    private RawTimelineIndexing() {
    }

    /** How long adding and committing the documents of {@code events} into a new index in {@code dir} took. */
    public static Duration index(List<ForwardedEvent> events, Path dir) {
        Map<AgreementId, ControllerId> controllers = new HashMap<>();
        long started = System.nanoTime();
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                     // The same index as the live one, sorted alike: the sort is part of the work.
                     .setIndexSort(TimelineDocuments.NEWEST_FIRST))) {
            // Numbered in list order: the rate needs unique tiebreakers, not the records' own offsets.
            long offset = 0;
            for (ForwardedEvent event : events) {
                writer.addDocument(TimelineDocuments.of(event, offset++, controllers));
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the raw baseline index in " + dir, e);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
