package nl.evidencestore.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.access.VerdictReassessed;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.json.RawJson;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.kafka.ForwardedEvents;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * Owns the query side's Lucene index: one document per event, searchable after
 * {@link #refresh()}, durable after {@link #commit}. A commit also records how far the feed
 * had come, so a restart resumes exactly where the index is.
 */
public final class TimelineIndex implements AutoCloseable {
    /**
     * A reader waiting for a generation gets it within ~20 ms; idle searchers are at most 500 ms
     * stale. Every reopen flushes a segment: at 100 ms under W1 load the flushes (and the merges
     * of their tiny segments) took most of a core. A reader that asks with a position (W3's
     * probes do) hurries the reopen, so this bounds only readers that do not: at 250 ms the
     * reopens and merges cost a sixth more CPU under W1 than at 1 s, measured with JFR.
     */
    private static final Duration MAX_STALE = Duration.ofMillis(500);
    private static final double MIN_STALE_SECONDS = 0.02;
    /**
     * Segments a reopen flushes (a few hundred documents under load) are kept in memory until a
     * commit writes them out: creating, mapping and reading back some twenty tiny files per reopen
     * made each reopen take about 100 ms under W3's load, 35 ms without them. Bounded, so that a
     * store in 256 MB (W5) keeps its heap.
     */
    private static final double CACHED_SEGMENT_MB = 4;
    private static final double CACHED_MB = 16;

    private static final String ACCESS = EventTypes.nameOf(AccessRecorded.class);
    private static final String REASSESSED = EventTypes.nameOf(VerdictReassessed.class);
    private static final Sort BY_OFFSET = new Sort(new SortField(TimelineDocuments.OFFSET, SortField.Type.LONG));

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    /** The writer's sequence number of the latest change: the generation refresh() waits for. */
    private final AtomicLong latestGeneration = new AtomicLong();
    private final List<LongConsumer> visibleListeners = new CopyOnWriteArrayList<>();
    private volatile Optional<FeedCheckpoint> committed;
    /** The highest log position of any document in the index. */
    private final AtomicLong highestPosition = new AtomicLong(Long.MIN_VALUE);
    /**
     * Agreement → controller, from the drafted events: an access document carries its
     * controller so auditors are scoped inside the query. Small (one entry per agreement) and
     * rebuilt from the index on open, so it needs no projection of its own.
     */
    private final Map<AgreementId, ControllerId> controllers = new ConcurrentHashMap<>();

    private TimelineIndex(Directory directory, Duration maxStale) throws IOException {
        this.directory = directory;
        OpenMode mode = inCurrentForm(directory) ? OpenMode.CREATE_OR_APPEND : OpenMode.CREATE;
        this.committed = mode == OpenMode.CREATE ? Optional.empty() : FeedCheckpoint.lastIn(directory);
        IndexWriter opened = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                .setOpenMode(mode)
                .setIndexSort(TimelineDocuments.NEWEST_FIRST)
                // Only commit() may commit: its user data must say which offset the documents reach.
                .setCommitOnClose(false)
                // A flushed segment lives a few reopens before it is merged: packing each into a
                // compound file first (and unmapping its parts) is work thrown away.
                .setUseCompoundFile(false)
                // Lucene merges small segments when a reader opens and waits up to 500 ms for it:
                // under W3's load every reopen waited about 150 ms there (JFR), and a waiting
                // reader with it. The merge scheduler merges them in the background anyway.
                .setMaxFullFlushMergeWaitMillis(0));
        SearcherManager managed = null;
        ControlledRealTimeReopenThread<IndexSearcher> reopening = null;
        try {
            managed = new SearcherManager(opened, new SearcherFactory());
            managed.addListener(new VisibleGenerations());
            reopening = new ControlledRealTimeReopenThread<>(opened, managed, maxStale.toNanos() / 1e9,
                    MIN_STALE_SECONDS);
            this.writer = opened;
            this.searchers = managed;
            this.reopener = reopening;
            reopener.setName("timeline-index-reopen");
            reopener.setDaemon(true);
            reopener.start();
            this.highestPosition.set(highestIndexedPosition());
            for (ForwardedEvent drafted : storedEventsOfType(Set.of(EventTypes.nameOf(AgreementDrafted.class)))) {
                TimelineDocuments.learnController(drafted, controllers);
            }
        } catch (IOException | RuntimeException | Error e) {
            // The writer holds the index's lock: left open, it would refuse every later open in this JVM.
            IOUtils.closeWhileHandlingException(reopening, managed, opened);
            throw e;
        }
    }

    /**
     * Lucene cannot sort an index after the fact, nor change how a field is indexed. An index
     * written before the timeline order became the index sort, or in another documents' schema
     * ({@link TimelineDocuments#SCHEMA}), is therefore started afresh, without a checkpoint: the
     * feed then rebuilds it from offset 0, as for a new index. Until the new one's first commit
     * the old one stays on disk, so a crash in between starts afresh again.
     */
    private static boolean inCurrentForm(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return true;
        }
        if (!FeedCheckpoint.schemaIn(directory).equals(Optional.of(TimelineDocuments.SCHEMA))) {
            return false;
        }
        for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
            if (!TimelineDocuments.NEWEST_FIRST.equals(segment.info.getIndexSort())) {
                return false;
            }
        }
        return true;
    }

    private long highestIndexedPosition() {
        Sort byPosition = new Sort(new SortField(TimelineDocuments.POSITION, SortField.Type.LONG, true));
        return withSearcher(searcher -> {
            ScoreDoc[] top = searcher.search(new MatchAllDocsQuery(), 1, byPosition).scoreDocs;
            return top.length == 0 ? Long.MIN_VALUE : (Long) ((FieldDoc) top[0]).fields[0];
        });
    }

    /** Opens (or creates) the index in that directory. */
    public static TimelineIndex open(Path path) {
        return open(path, MAX_STALE);
    }

    /**
     * With searchers at most {@code maxStale} old while no reader waits: tests lengthen it to see
     * that a waiting reader asks for its reopen rather than waiting for the idle one.
     */
    public static TimelineIndex open(Path path, Duration maxStale) {
        if (maxStale.toNanos() / 1e9 < MIN_STALE_SECONDS) {
            throw new IllegalArgumentException("searchers must be allowed at least " + MIN_STALE_SECONDS + " s stale");
        }
        Directory directory = null;
        try {
            directory = new NRTCachingDirectory(FSDirectory.open(path), CACHED_SEGMENT_MB, CACHED_MB);
            return new TimelineIndex(directory, maxStale);
        } catch (IOException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw new UncheckedIOException("cannot open the timeline index", e);
        } catch (RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw e;
        }
    }

    /**
     * Adds the event of the events topic's record at {@code offset}, or replaces its document
     * when Kafka delivers it again (then with the new record's offset). A reassessment re-indexes
     * its access with the verdict that stands now, so that a search for violations finds what
     * holds today; the original verdict stays in the event store and its bundles.
     */
    public void add(ForwardedEvent event, long offset) {
        add(event, ForwardedEvents.write(event), offset);
    }

    /** The same, with the event's JSON as it came from Kafka: stored as it is. */
    public void add(ForwardedEvent event, byte[] forwarded, long offset) {
        index(event, forwarded, offset);
        if (REASSESSED.equals(event.type())) {
            reassess(event);
        }
    }

    /** An indexed event and the offset of the record its document was made from. */
    private record Indexed(ForwardedEvent event, long offset) {
    }

    private void reassess(ForwardedEvent reassessment) {
        JsonNode change = reassessment.payload().tree();
        refresh(); // the access may have been added moments before, in this very batch
        // The access keeps its own record's offset, and so its place in the timeline and under a
        // cursor: the reassessment's record is not the access's.
        indexedAccess(change.path("accessId").asText(), reassessment.streamId()).ifPresent(indexed -> {
            ForwardedEvent recorded = indexed.event();
            ObjectNode payload = (ObjectNode) recorded.payload().tree();
            payload.set("verdict", change.get("current"));
            ForwardedEvent reassessed = new ForwardedEvent(recorded.eventId(), recorded.type(), recorded.streamId(),
                    recorded.sequence(), recorded.position(), recorded.recordedAt(), RawJson.of(payload));
            index(reassessed, ForwardedEvents.write(reassessed), indexed.offset());
        });
    }

    /** The offset of the event's document as searchers see it, if they see one. */
    private OptionalLong searchableOffset(String eventId) {
        return withSearcher(searcher -> {
            ScoreDoc[] hits = searcher.search(new TermQuery(new Term(TimelineDocuments.EVENT_ID, eventId)), 1, BY_OFFSET)
                    .scoreDocs;
            return hits.length == 0 ? OptionalLong.empty() : OptionalLong.of((Long) ((FieldDoc) hits[0]).fields[0]);
        });
    }

    /** The access's document as searchers see it: its event and its record's offset. */
    private Optional<Indexed> indexedAccess(String accessId, String agreementId) {
        Query access = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TimelineDocuments.TYPE, ACCESS)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(TimelineDocuments.ACCESS_ID, accessId)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(TimelineDocuments.AGREEMENT_ID, agreementId)), BooleanClause.Occur.FILTER)
                .build();
        return withSearcher(searcher -> {
            // Sorted by the offset only to read it back with the hit: there is one hit at most.
            ScoreDoc[] hits = searcher.search(access, 1, BY_OFFSET).scoreDocs;
            if (hits.length == 0) {
                return Optional.<Indexed>empty();
            }
            BytesRef json = searcher.storedFields().document(hits[0].doc, Set.of(TimelineDocuments.EVENT))
                    .getBinaryValue(TimelineDocuments.EVENT);
            return Optional.of(new Indexed(ForwardedEvents.read(BytesRef.deepCopyOf(json).bytes),
                    (Long) ((FieldDoc) hits[0]).fields[0]));
        });
    }

    /**
     * An event past every position indexed so far is new, and is added; any other may be
     * there already (Kafka delivers at least once, a reassessment re-indexes its access, a gap
     * in the positions closes late) and replaces its document. Adding spares the writer a
     * delete by term, which it would apply to every segment. (Two threads adding the same event at
     * once could both add it; the feed adds on one thread.) A document that searchers see already
     * keeps its offset: a client paging through a millisecond with a cursor may have passed it
     * or not yet, and it must stay on whichever side it was.
     */
    private void index(ForwardedEvent event, byte[] forwarded, long offset) {
        try {
            boolean isNew = event.position() > highestPosition.getAndAccumulate(event.position(), Math::max);
            long kept = isNew ? offset : searchableOffset(event.eventId()).orElse(offset);
            Document doc = TimelineDocuments.of(event, forwarded, kept, controllers);
            long generation = isNew
                    ? writer.addDocument(doc)
                    : writer.updateDocument(new Term(TimelineDocuments.EVENT_ID, event.eventId()), doc);
            latestGeneration.accumulateAndGet(generation, Math::max);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index an event", e);
        }
    }

    /** The writer's generation of the latest change: visible once {@link #onVisible} reports it. */
    public long generation() {
        return latestGeneration.get();
    }

    /**
     * Asks for a reopen within ~20 ms instead of the idle 250 ms, without waiting for it: a
     * reader waits for this generation.
     */
    public void hurry(long generation) {
        try {
            reopener.waitForGeneration(generation, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Tells {@code visible} the generation searchers see after each reopen, on the reopening
     * thread: the feed goes on indexing meanwhile, instead of waiting for a reopen (and the flush
     * of a tiny segment that each one makes) after every poll. It is told before {@link #refresh}
     * returns for that generation.
     */
    public void onVisible(LongConsumer visible) {
        visibleListeners.add(visible);
    }

    /** Registered before the reopen thread's own listener, so that it runs first. */
    private final class VisibleGenerations implements ReferenceManager.RefreshListener {
        private long startedAt;

        @Override
        public void beforeRefresh() {
            startedAt = writer.getMaxCompletedSequenceNumber();
        }

        @Override
        public void afterRefresh(boolean didRefresh) {
            visibleListeners.forEach(listener -> listener.accept(startedAt));
        }
    }

    /** Blocks until searchers see every event added so far. */
    public void refresh() {
        try {
            reopener.waitForGeneration(latestGeneration.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the index to refresh", e);
        }
    }

    /** Makes every added event durable, together with where the feed goes on after a restart. */
    public void commit(long nextKafkaOffset, long appliedPosition) {
        FeedCheckpoint checkpoint = new FeedCheckpoint(nextKafkaOffset, appliedPosition);
        try {
            writer.setLiveCommitData(checkpoint.userData().entrySet());
            writer.commit();
            committed = Optional.of(checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the timeline index", e);
        }
    }

    /** The Kafka offset to resume from, as of the last commit; empty for a new index. */
    public OptionalLong committedOffset() {
        return committed.map(c -> OptionalLong.of(c.nextKafkaOffset())).orElse(OptionalLong.empty());
    }

    /** The applied position as of the last commit; empty for a new index. */
    public OptionalLong committedPosition() {
        return committed.map(c -> OptionalLong.of(c.appliedPosition())).orElse(OptionalLong.empty());
    }

    /** The controller an agreement was drafted with, once its draft has been added. */
    public Optional<ControllerId> controllerOf(AgreementId agreementId) {
        return Optional.ofNullable(controllers.get(agreementId));
    }

    /** Searchable documents: one per event. */
    public long documentCount() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    /**
     * The searchable events of those types in position order, to reload in-memory projections;
     * events that share a position (a gap closed late) in the order their records came.
     */
    public List<ForwardedEvent> storedEventsOfType(Set<String> types) {
        Query query = new TermInSetQuery(TimelineDocuments.TYPE,
                types.stream().map(BytesRef::new).collect(Collectors.toList()));
        return withSearcher(searcher -> {
            int hits = Math.max(1, searcher.count(query));
            ScoreDoc[] docs = searcher.search(query, hits,
                    new Sort(new SortField(TimelineDocuments.POSITION, SortField.Type.LONG),
                            new SortField(TimelineDocuments.OFFSET, SortField.Type.LONG))).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<ForwardedEvent> events = new ArrayList<>(docs.length);
            for (ScoreDoc doc : docs) {
                BytesRef json = stored.document(doc.doc, Set.of(TimelineDocuments.EVENT))
                        .getBinaryValue(TimelineDocuments.EVENT);
                events.add(ForwardedEvents.read(BytesRef.deepCopyOf(json).bytes));
            }
            return events;
        });
    }

    /** Does not commit: what was added since the last {@link #commit} is lost, as in a crash. */
    @Override
    public void close() {
        try {
            // Closes each in turn even when one fails, and rethrows the first failure.
            IOUtils.close(reopener, searchers, writer, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the timeline index", e);
        }
    }

    /** Later readers (timeline search) get their searcher here, released whatever happens. */
    <T> T withSearcher(SearcherFunction<T> read) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the timeline index", e);
        }
    }

    @FunctionalInterface
    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
