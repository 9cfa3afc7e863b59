package nl.evidencestore.infra;

import io.javalin.apibuilder.EndpointGroup;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.query.AgreementOwners;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.Projection;
import nl.evidencestore.query.agreement.AgreementQueries;
import nl.evidencestore.query.agreement.AgreementStateProjection;
import nl.evidencestore.query.audit.AuditProjection;
import nl.evidencestore.query.audit.AuditQueries;
import nl.evidencestore.query.disclosure.DisclosureProjection;
import nl.evidencestore.query.disclosure.DisclosureQueries;
import nl.evidencestore.query.employee.EmployeeQueries;
import nl.evidencestore.query.employee.EmployeeRegisterProjection;
import nl.evidencestore.query.kafka.EventFeed;
import nl.evidencestore.query.securitymeasure.SecurityMeasureProjection;
import nl.evidencestore.query.securitymeasure.SecurityMeasureQueries;
import nl.evidencestore.query.timeline.TimelineIndex;

/**
 * The query side: the index is opened first, projections reload from its last commit, and
 * only then does the feed resume from the offset that commit names.
 */
final class QuerySide implements AutoCloseable {
    private final TimelineIndex index;
    private final AppliedPosition applied;
    private final AgreementStateProjection agreements;
    private final Registers registers;
    private final EventFeed feed;

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

    private QuerySide(TimelineIndex index, AppliedPosition applied, AgreementStateProjection agreements,
                      Registers registers, EventFeed feed) {
        this.index = index;
        this.applied = applied;
        this.agreements = agreements;
        this.registers = registers;
        this.feed = feed;
    }

    static QuerySide start(Path indexDir, String kafkaBootstrap, String eventsTopic) {
        TimelineIndex index = TimelineIndex.open(indexDir);
        AppliedPosition applied = new AppliedPosition(index.committedPosition().orElse(0L));
        AgreementStateProjection agreements = new AgreementStateProjection(applied);
        agreements.reloadFrom(index);
        Registers registers = Registers.reloadedFrom(index);
        List<Projection> projections = new ArrayList<>(List.of(agreements));
        projections.addAll(registers.projections());
        EventFeed feed = new EventFeed(kafkaBootstrap, eventsTopic, index, projections, applied);
        feed.start();
        return new QuerySide(index, applied, agreements, registers, feed);
    }

    AgreementQueries agreementQueries() {
        return new AgreementQueries(agreements, applied);
    }

    /** The routes of the registers; facts of an agreement are scoped by its controller, as the agreement is. */
    List<EndpointGroup> registerQueries() {
        AgreementOwners owners = id -> agreements.asOf(id, Instant.now(), null).map(state -> state.controller().id());
        return List.of(
                new EmployeeQueries(registers.employees(), applied).routes(),
                new SecurityMeasureQueries(registers.measures(), applied).routes(),
                new DisclosureQueries(registers.disclosures(), owners, applied).routes(),
                new AuditQueries(registers.audits(), owners, applied).routes());
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
