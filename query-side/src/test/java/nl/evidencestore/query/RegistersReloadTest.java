package nl.evidencestore.query;

import static nl.evidencestore.query.Fixtures.AGREEMENT;
import static nl.evidencestore.query.Fixtures.addAsRecords;
import static nl.evidencestore.query.Fixtures.forwarded;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.query.audit.AuditProjection;
import nl.evidencestore.query.disclosure.DisclosureProjection;
import nl.evidencestore.query.employee.EmployeeRegisterProjection;
import nl.evidencestore.query.securitymeasure.SecurityMeasureProjection;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.event.audit.AuditRequested;
import nl.evidencestore.shared.event.disclosure.DisclosureRecorded;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.event.securitymeasure.SecurityMeasureRecorded;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.AuditId;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.DisclosureBasis;
import nl.evidencestore.shared.model.EmployeeId;
import nl.evidencestore.shared.model.SecurityMeasureId;
import nl.evidencestore.shared.rules.DisclosureRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a restart the registers are refilled from the index alone, before the feed resumes. */
class RegistersReloadTest {
    private static final Instant RECORDED = Instant.parse("2026-04-02T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-05-01T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyRegisterIsReloadedFromTheCommittedIndex() {
        List<ForwardedEvent> events = List.of(
                forwarded("ev-emp", 1, 1, RECORDED,
                        new EmployeeRegistered(EmployeeId.of("emp-anna"), "Anna de Boer", LocalDate.of(2026, 3, 2))),
                forwarded("ev-sm", 1, 2, RECORDED, new SecurityMeasureRecorded(SecurityMeasureId.of("sm-mfa"),
                        "Two-factor sign-in", LocalDate.of(2025, 9, 1), "ISMS-2025-17")),
                forwarded("ev-dis", 5, 3, RECORDED, new DisclosureRecorded(AGREEMENT, "dis-1", "Kaakchirurgie Centrum",
                        DisclosureBasis.LEGAL_OBLIGATION, null, null, List.of(DataCategory.of("SURNAME")),
                        LocalDate.of(2026, 4, 1), DisclosureRules.judge(DisclosureBasis.LEGAL_OBLIGATION, null))),
                forwarded("ev-audit", 1, 4, RECORDED,
                        new AuditRequested(AuditId.of("audit-1"), AGREEMENT, LocalDate.of(2026, 4, 1), "K. Visser")));
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            addAsRecords(index, events);
            index.commit(4, 4);
        }

        try (TimelineIndex reopened = TimelineIndex.open(dir)) {
            EmployeeRegisterProjection employees = new EmployeeRegisterProjection();
            SecurityMeasureProjection measures = new SecurityMeasureProjection();
            DisclosureProjection disclosures = new DisclosureProjection();
            AuditProjection audits = new AuditProjection();
            employees.reloadFrom(reopened);
            measures.reloadFrom(reopened);
            disclosures.reloadFrom(reopened);
            audits.reloadFrom(reopened);

            assertThat(employees.asOf(LATER)).singleElement().satisfies(e -> assertThat(e.registered()).isTrue());
            assertThat(measures.all()).hasSize(1);
            assertThat(disclosures.of(AGREEMENT)).hasSize(1);
            assertThat(audits.of(AGREEMENT)).hasSize(1);
        }
    }
}
