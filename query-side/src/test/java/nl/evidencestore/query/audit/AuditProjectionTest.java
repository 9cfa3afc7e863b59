package nl.evidencestore.query.audit;

import static nl.evidencestore.query.Fixtures.AGREEMENT;
import static nl.evidencestore.query.Fixtures.forwarded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.evidencestore.shared.event.audit.AuditRequested;
import nl.evidencestore.shared.event.audit.FindingsShared;
import nl.evidencestore.shared.model.AuditId;
import org.junit.jupiter.api.Test;

class AuditProjectionTest {
    private static final AuditId AUDIT = AuditId.of("audit-q2");
    private static final Instant RECORDED = Instant.parse("2026-04-02T08:00:00Z");
    private final AuditProjection projection = new AuditProjection();

    @Test
    void listsAnAgreementsAuditsWithTheirFindings() {
        projection.on(forwarded("ev-1", 1, 30, RECORDED, new AuditRequested(AUDIT, AGREEMENT, LocalDate.of(2026, 4, 1), "K. Visser")));
        projection.on(forwarded("ev-3", 3, 32, RECORDED, new FindingsShared(AUDIT, AGREEMENT, "f-2", "Second", LocalDate.of(2026, 5, 2))));
        projection.on(forwarded("ev-2", 2, 31, RECORDED, new FindingsShared(AUDIT, AGREEMENT, "f-1", "First", LocalDate.of(2026, 5, 1))));
        projection.on(forwarded("ev-2", 2, 31, RECORDED, new FindingsShared(AUDIT, AGREEMENT, "f-1", "First", LocalDate.of(2026, 5, 1))));

        assertThat(projection.of(AGREEMENT)).singleElement().satisfies(audit -> {
            assertThat(audit.auditor()).isEqualTo("K. Visser");
            assertThat(audit.requestedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
            assertThat(audit.findings()).extracting(AuditProjection.Finding::findingId).containsExactly("f-1", "f-2");
        });
    }

    @Test
    void findingsArrivingBeforeTheirRequestAreKept() {
        projection.on(forwarded("ev-2", 2, 31, RECORDED, new FindingsShared(AUDIT, AGREEMENT, "f-1", "First", LocalDate.of(2026, 5, 1))));
        projection.on(forwarded("ev-1", 1, 30, RECORDED, new AuditRequested(AUDIT, AGREEMENT, LocalDate.of(2026, 4, 1), "K. Visser")));

        assertThat(projection.of(AGREEMENT)).singleElement()
                .satisfies(audit -> assertThat(audit.findings()).hasSize(1));
    }
}
