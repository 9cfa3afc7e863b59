package nl.evidencestore.infra;

import io.javalin.apibuilder.EndpointGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.query.AgreementOwners;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.Projection;
import nl.evidencestore.query.agreement.AgreementControllers;
import nl.evidencestore.query.agreement.AgreementQueries;
import nl.evidencestore.query.agreement.AgreementStateProjection;
import nl.evidencestore.query.audit.AuditProjection;
import nl.evidencestore.query.audit.AuditQueries;
import nl.evidencestore.query.breach.BreachProjection;
import nl.evidencestore.query.breach.BreachQueries;
import nl.evidencestore.query.disclosure.DisclosureProjection;
import nl.evidencestore.query.disclosure.DisclosureQueries;
import nl.evidencestore.query.employee.EmployeeQueries;
import nl.evidencestore.query.employee.EmployeeRegisterProjection;
import nl.evidencestore.query.kafka.EventFeed;
import nl.evidencestore.query.obligation.DeletionObligationProjection;
import nl.evidencestore.query.obligation.ObligationQueries;
import nl.evidencestore.query.securitymeasure.SecurityMeasureProjection;
import nl.evidencestore.query.securitymeasure.SecurityMeasureQueries;
import nl.evidencestore.query.subjectrequest.SubjectRequestProjection;
import nl.evidencestore.query.subjectrequest.SubjectRequestQueries;
import nl.evidencestore.query.timeline.TimelineEndpoints;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.kafka.KafkaConnection;
import nl.evidencestore.shared.subject.SubjectRefs;

/**
 * The query side: the index is opened first, projections reload from its last commit, and
 * only then does the feed resume from the offset that commit names.
 */
final class QuerySide implements AutoCloseable {
    private final TimelineIndex index;
    private final AppliedPosition applied;
    private final AgreementStateProjection agreements;
    private final Registers registers;
    private final Deadlines deadlines;
    private final EventFeed feed;
    /** The key store, read by the views to say whether a subject was erased; they never open a reference. */
    private final SubjectRefs subjects;

    /** Beside the agreements: employees (Art. 2.3), security measures (Art. 5), disclosures (Art. 8), audits (Art. 9). */
    private record Registers(EmployeeRegisterProjection employees, SecurityMeasureProjection measures,
                             DisclosureProjection disclosures, AuditProjection audits) {
        static Registers reloadedFrom(TimelineIndex index) {
            Registers registers = new Registers(new EmployeeRegisterProjection(), new SecurityMeasureProjection(),
                    new DisclosureProjection(), new AuditProjection());
            registers.employees.reloadFrom(index);
            registers.measures.reloadFrom(index);
            registers.disclosures.reloadFrom(index);
            registers.audits.reloadFrom(index);
            return registers;
        }

        List<Projection> projections() {
            return List.of(employees, measures, disclosures, audits);
        }
    }

    /** What must happen by when: breaches (Art. 6), subject requests (Art. 7), deletion after the end (Art. 11.2). */
    private record Deadlines(BreachProjection breaches, SubjectRequestProjection subjectRequests,
                             DeletionObligationProjection deletions) {
        static Deadlines reloadedFrom(TimelineIndex index, AppliedPosition applied, AgreementControllers controllers) {
            Deadlines deadlines = new Deadlines(new BreachProjection(applied, controllers),
                    new SubjectRequestProjection(applied, controllers), new DeletionObligationProjection(controllers));
            deadlines.breaches.reloadFrom(index);
            deadlines.subjectRequests.reloadFrom(index);
            deadlines.deletions.reloadFrom(index);
            return deadlines;
        }

        List<Projection> projections() {
            return List.of(breaches, subjectRequests, deletions);
        }
    }

    private QuerySide(TimelineIndex index, AppliedPosition applied, AgreementStateProjection agreements,
                      Registers registers, Deadlines deadlines, EventFeed feed, SubjectRefs subjects) {
        this.index = index;
        this.applied = applied;
        this.agreements = agreements;
        this.registers = registers;
        this.deadlines = deadlines;
        this.feed = feed;
        this.subjects = subjects;
    }

    /**
     * Every projection, reloaded from the index's last commit, in the order the feed applies
     * them; shared by the live query side and {@link ProjectionRebuild}.
     */
    record Projections(AppliedPosition applied, AgreementStateProjection agreements, Registers registers,
                       Deadlines deadlines) {
        static Projections reloadedFrom(TimelineIndex index) {
            AppliedPosition applied = new AppliedPosition(index.committedPosition().orElse(0L));
            AgreementStateProjection agreements = new AgreementStateProjection(applied);
            agreements.reloadFrom(index);
            Registers registers = Registers.reloadedFrom(index);
            Deadlines deadlines = Deadlines.reloadedFrom(index, applied, AgreementControllers.of(agreements));
            return new Projections(applied, agreements, registers, deadlines);
        }

        List<Projection> all() {
            List<Projection> projections = new ArrayList<>(List.of(agreements));
            projections.addAll(registers.projections());
            projections.addAll(deadlines.projections());
            return projections;
        }

        /** The feed that applies events to the index and these projections, from the index's committed offset. */
        EventFeed feed(TimelineIndex index, KafkaConnection kafka, String eventsTopic) {
            return new EventFeed(kafka, eventsTopic, index, all(), applied);
        }
    }

    static QuerySide start(Path indexDir, KafkaConnection kafka, String eventsTopic, SubjectRefs subjects) {
        TimelineIndex index = TimelineIndex.open(indexDir);
        Projections projections = Projections.reloadedFrom(index);
        EventFeed feed = projections.feed(index, kafka, eventsTopic);
        feed.start();
        return new QuerySide(index, projections.applied(), projections.agreements(), projections.registers(),
                projections.deadlines(), feed, subjects);
    }

    AgreementQueries agreementQueries() {
        return new AgreementQueries(agreements, applied);
    }

    /** Every query route but the agreement's own; facts of an agreement are scoped by its controller. */
    List<EndpointGroup> otherQueries() {
        AgreementOwners owners = agreements::controllerOf;
        AgreementControllers controllers = AgreementControllers.of(agreements);
        return List.of(
                new TimelineEndpoints(index, subjects, applied).routes(),
                new EmployeeQueries(registers.employees(), applied).routes(),
                new SecurityMeasureQueries(registers.measures(), applied).routes(),
                new DisclosureQueries(registers.disclosures(), owners, applied).routes(),
                new AuditQueries(registers.audits(), owners, applied).routes(),
                new BreachQueries(deadlines.breaches(), controllers, applied).routes(),
                new SubjectRequestQueries(deadlines.subjectRequests(), controllers, applied, subjects).routes(),
                new ObligationQueries(List.of(deadlines.breaches(), deadlines.subjectRequests(), deadlines.deletions()),
                        controllers, applied).routes());
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
