package nl.evidencestore.query.timeline;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * How far the feed had come when the index was committed, kept in the commit's user data so
 * that documents and resume point are durable together.
 */
record FeedCheckpoint(long nextKafkaOffset, long appliedPosition) {
    private static final String NEXT_KAFKA_OFFSET = "kafkaNextOffset";
    private static final String APPLIED_POSITION = "appliedPosition";
    private static final String SCHEMA = "timelineSchema";

    /** With the documents' schema ({@link TimelineDocuments#SCHEMA}) the commit was written in. */
    Map<String, String> userData() {
        return Map.of(NEXT_KAFKA_OFFSET, Long.toString(nextKafkaOffset),
                APPLIED_POSITION, Long.toString(appliedPosition), SCHEMA, TimelineDocuments.SCHEMA);
    }

    /** The documents' schema of the directory's latest commit; empty for a new index or one from before schemas. */
    static Optional<String> schemaIn(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Optional.empty();
        }
        return Optional.ofNullable(SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA));
    }

    /** The checkpoint of the directory's latest commit; empty for a new index. */
    static Optional<FeedCheckpoint> lastIn(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Optional.empty();
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        if (!data.containsKey(NEXT_KAFKA_OFFSET) || !data.containsKey(APPLIED_POSITION)) {
            return Optional.empty();
        }
        return Optional.of(new FeedCheckpoint(Long.parseLong(data.get(NEXT_KAFKA_OFFSET)),
                Long.parseLong(data.get(APPLIED_POSITION))));
    }
}
