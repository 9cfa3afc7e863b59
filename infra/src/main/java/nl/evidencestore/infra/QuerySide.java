package nl.evidencestore.infra;

import java.nio.file.Path;
import java.util.List;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.agreement.AgreementQueries;
import nl.evidencestore.query.agreement.AgreementStateProjection;
import nl.evidencestore.query.kafka.EventFeed;
import nl.evidencestore.query.timeline.TimelineIndex;

/**
 * The query side: the index is opened first, projections reload from its last commit, and
 * only then does the feed resume from the offset that commit names.
 */
final class QuerySide implements AutoCloseable {
    private final TimelineIndex index;
    private final AppliedPosition applied;
    private final AgreementStateProjection agreements;
    private final EventFeed feed;

    private QuerySide(TimelineIndex index, AppliedPosition applied, AgreementStateProjection agreements, EventFeed feed) {
        this.index = index;
        this.applied = applied;
        this.agreements = agreements;
        this.feed = feed;
    }

    static QuerySide start(Path indexDir, String kafkaBootstrap, String eventsTopic) {
        TimelineIndex index = TimelineIndex.open(indexDir);
        AppliedPosition applied = new AppliedPosition(index.committedPosition().orElse(0L));
        AgreementStateProjection agreements = new AgreementStateProjection(applied);
        agreements.reloadFrom(index);
        EventFeed feed = new EventFeed(kafkaBootstrap, eventsTopic, index, List.of(agreements), applied);
        feed.start();
        return new QuerySide(index, applied, agreements, feed);
    }

    AgreementQueries agreementQueries() {
        return new AgreementQueries(agreements, applied);
    }

    AppliedPosition applied() {
        return applied;
    }

    long timelineDocuments() {
        return index.documentCount();
    }

    EventFeed feed() {
        return feed;
    }

    @Override
    public void close() {
        feed.close(); // commits the index with the offset it reached
        index.close();
    }
}
