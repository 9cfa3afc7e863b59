package nl.evidencestore.infra;

import java.nio.file.Path;
import java.util.List;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.agreement.AgreementControllers;
import nl.evidencestore.query.agreement.AgreementQueries;
import nl.evidencestore.query.agreement.AgreementStateProjection;
import nl.evidencestore.query.breach.BreachProjection;
import nl.evidencestore.query.breach.BreachQueries;
import nl.evidencestore.query.kafka.EventFeed;
import nl.evidencestore.query.obligation.DeletionObligationProjection;
import nl.evidencestore.query.obligation.ObligationQueries;
import nl.evidencestore.query.subjectrequest.SubjectRequestProjection;
import nl.evidencestore.query.subjectrequest.SubjectRequestQueries;
import nl.evidencestore.query.timeline.TimelineIndex;

/**
 * The query side: the index is opened first, projections reload from its last commit, and
 * only then does the feed resume from the offset that commit names.
 */
final class QuerySide implements AutoCloseable {
    private final TimelineIndex index;
    private final AppliedPosition applied;
    private final AgreementStateProjection agreements;
    private final BreachProjection breaches;
    private final SubjectRequestProjection subjectRequests;
    private final DeletionObligationProjection deletions;
    private final EventFeed feed;

    private QuerySide(TimelineIndex index, AppliedPosition applied, AgreementStateProjection agreements,
                      BreachProjection breaches, SubjectRequestProjection subjectRequests,
                      DeletionObligationProjection deletions, EventFeed feed) {
        this.index = index;
        this.applied = applied;
        this.agreements = agreements;
        this.breaches = breaches;
        this.subjectRequests = subjectRequests;
        this.deletions = deletions;
        this.feed = feed;
    }

    static QuerySide start(Path indexDir, String kafkaBootstrap, String eventsTopic) {
        TimelineIndex index = TimelineIndex.open(indexDir);
        AppliedPosition applied = new AppliedPosition(index.committedPosition().orElse(0L));
        AgreementStateProjection agreements = new AgreementStateProjection(applied);
        AgreementControllers controllers = AgreementControllers.of(agreements);
        BreachProjection breaches = new BreachProjection(applied, controllers);
        SubjectRequestProjection subjectRequests = new SubjectRequestProjection(applied, controllers);
        DeletionObligationProjection deletions = new DeletionObligationProjection(controllers);
        agreements.reloadFrom(index);
        breaches.reloadFrom(index);
        subjectRequests.reloadFrom(index);
        deletions.reloadFrom(index);
        EventFeed feed = new EventFeed(kafkaBootstrap, eventsTopic, index,
                List.of(agreements, breaches, subjectRequests, deletions), applied);
        feed.start();
        return new QuerySide(index, applied, agreements, breaches, subjectRequests, deletions, feed);
    }

    AgreementQueries agreementQueries() {
        return new AgreementQueries(agreements, applied);
    }

    BreachQueries breachQueries() {
        return new BreachQueries(breaches, AgreementControllers.of(agreements), applied);
    }

    SubjectRequestQueries subjectRequestQueries() {
        return new SubjectRequestQueries(subjectRequests, AgreementControllers.of(agreements), applied);
    }

    ObligationQueries obligationQueries() {
        return new ObligationQueries(List.of(breaches, subjectRequests, deletions), AgreementControllers.of(agreements),
                applied);
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
