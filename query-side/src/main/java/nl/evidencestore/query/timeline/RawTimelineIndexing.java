package nl.evidencestore.query.timeline;

import java.io.Closeable;
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
public final class RawTimelineIndexing implements Closeable {
    private final Map<AgreementId, ControllerId> controllers = new HashMap<>();
    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    /** Numbered in the order added: the rate needs unique tiebreakers, not the records' own offsets. */
    private long offset;
    private long nanos;

    private RawTimelineIndexing(Path dir) throws IOException {
        long started = System.nanoTime();
        this.dir = dir;
        this.directory = FSDirectory.open(dir);
        try {
            // The same index as the live one, sorted alike: the sort is part of the work.
            this.writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                    .setIndexSort(TimelineDocuments.NEWEST_FIRST));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        nanos += System.nanoTime() - started;
    }

    /**
     * A new index in {@code dir} that takes documents batch by batch, so that a baseline over ten
     * million events need not hold them all: only adding and committing are timed, not what
     * the caller does between batches.
     */
    public static RawTimelineIndexing open(Path dir) {
        try {
            return new RawTimelineIndexing(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the raw baseline index in " + dir, e);
        }
    }

    public void add(List<ForwardedEvent> events) {
        long started = System.nanoTime();
        try {
            for (ForwardedEvent event : events) {
                writer.addDocument(TimelineDocuments.of(event, offset++, controllers));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the raw baseline index in " + dir, e);
        }
        nanos += System.nanoTime() - started;
    }

    /**
     * Commits what was added and closes the writer, which waits for its merges: the time spent
     * adding, committing and closing, all batches together.
     */
    public Duration finish() {
        long started = System.nanoTime();
        try {
            writer.commit();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the raw baseline index in " + dir, e);
        }
        nanos += System.nanoTime() - started;
        return Duration.ofNanos(nanos);
    }

    /** Closes the writer (if {@link #finish} did not) and the directory. */
    @Override
    public void close() {
        try (Directory closing = directory) {
            if (writer.isOpen()) {
                writer.rollback();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the raw baseline index in " + dir, e);
        }
    }
}
