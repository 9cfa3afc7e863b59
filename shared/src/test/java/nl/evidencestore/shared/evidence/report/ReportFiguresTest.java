package nl.evidencestore.shared.evidence.report;

import static nl.evidencestore.shared.evidence.report.ReportTestData.AGREEMENT;
import static nl.evidencestore.shared.evidence.report.ReportTestData.access;
import static nl.evidencestore.shared.evidence.report.ReportTestData.day;
import static nl.evidencestore.shared.evidence.report.ReportTestData.drafted;
import static nl.evidencestore.shared.evidence.report.ReportTestData.figures;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.evidencestore.shared.event.agreement.AgreementTerminated;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.event.agreement.EvidenceBundleSealed;
import nl.evidencestore.shared.event.agreement.EvidenceExported;
import nl.evidencestore.shared.event.agreement.PurposeAdded;
import nl.evidencestore.shared.evidence.report.ReportTestData.Chain;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.terms.TermsAt;
import org.junit.jupiter.api.Test;

class ReportFiguresTest {
    @Test
    void violations_are_counted_per_article_in_the_agreements_order_with_the_first_examples() {
        ReportFigures figures = figures(SampleBundle.lines("Tandartspraktijk Zuid"));

        assertThat(figures.violationsByArticle()).containsExactly(
                new ArticleCount("1.3", 2, List.of("acc-2", "acc-4")),
                new ArticleCount("2.3", 1, List.of("acc-3")),
                new ArticleCount("6.1", 1, List.of("br-1")),
                new ArticleCount("7.1", 1, List.of("req-1")),
                new ArticleCount("8.1", 1, List.of("disc-1")),
                new ArticleCount("ANNEX_1", 1, List.of("acc-3")));
    }

    @Test
    void only_accesses_recorded_in_the_period_are_counted_and_an_article_broken_twice_counts_once() {
        List<nl.evidencestore.shared.evidence.EventLine> lines = new Chain(AGREEMENT.value())
                .add(drafted("P"), "2025-11-06T10:00:00Z")
                .add(access("before", "2026-02-28T10:00:00Z", "1.1"), "2026-02-28T10:00:00Z")
                .add(access("twice", "2026-03-02T10:00:00Z", "11.1", "11.1", "1.1"), "2026-03-02T10:00:00Z")
                .add(access("ok", "2026-03-02T11:00:00Z"), "2026-03-02T11:00:00Z")
                .add(access("after", "2026-04-01T10:00:00Z", "1.1"), "2026-04-01T10:00:00Z")
                .lines();

        ReportFigures figures = figures(lines);

        assertThat(figures.accesses().accesses()).isEqualTo(2);
        assertThat(figures.accesses().compliant()).isEqualTo(1);
        assertThat(figures.accesses().violations()).isEqualTo(1);
        assertThat(figures.accesses().specialCategories()).isEqualTo(2);
        assertThat(figures.violationsByArticle()).containsExactly(
                new ArticleCount("1.1", 1, List.of("twice")), new ArticleCount("11.1", 1, List.of("twice")));
    }

    @Test
    void late_arrivals_are_the_stubs_after_the_period_that_occurred_inside_it() {
        List<nl.evidencestore.shared.evidence.EventLine> lines = new Chain(AGREEMENT.value())
                .add(drafted("P"), "2025-11-06T10:00:00Z")
                .stub(access("early", "2026-02-27T10:00:00Z"), "2026-02-28T10:00:00Z")
                .add(access("in", "2026-03-02T10:00:00Z"), "2026-03-02T10:00:00Z")
                .stub(access("late-1", "2026-03-31T23:00:00Z"), "2026-04-01T01:00:00Z")
                .stub(access("next-period", "2026-04-01T02:00:00Z"), "2026-04-01T02:00:00Z")
                .stub(access("late-2", "2026-03-01T00:00:00Z"), "2026-04-03T00:00:00Z")
                .lines();

        ReportFigures figures = figures(lines);

        assertThat(figures.lateArrivals()).isEqualTo(2);
        assertThat(figures.lateExamples()).extracting(e -> e.sequence()).containsExactly(3L, 5L);
        assertThat(figures.stubs()).isEqualTo(4);
        assertThat(figures.accesses().accesses()).isEqualTo(1);
    }

    @Test
    void the_terms_are_those_recorded_by_the_end_of_the_period_and_in_force_then() {
        List<nl.evidencestore.shared.evidence.EventLine> lines = new Chain(AGREEMENT.value())
                .add(drafted("P"), "2025-11-06T10:00:00Z")
                .add(new AgreementTookEffect(AGREEMENT, day("2025-11-10")), "2025-11-10T10:00:00Z")
                .add(new PurposeAdded(AGREEMENT, new Purpose("TRAINING"), "c-1", day("2026-03-10")), "2026-03-09T10:00:00Z")
                .add(new PurposeAdded(AGREEMENT, new Purpose("RESEARCH"), "c-2", day("2026-04-15")), "2026-03-09T11:00:00Z")
                .add(new PurposeAdded(AGREEMENT, new Purpose("BACKDATED"), "c-3", day("2026-03-01")), "2026-04-01T10:00:00Z")
                .add(new AgreementTerminated(AGREEMENT, day("2026-03-20"), "recorded later"), "2026-04-02T10:00:00Z")
                .lines();

        ReportFigures figures = figures(lines);
        TermsAt terms = figures.termsAtEnd().orElseThrow();

        assertThat(terms.purposes()).extracting(Purpose::name)
                .containsExactlyInAnyOrder("REMOTE_SUPPORT", "DATABASE_CONVERSION", "TRAINING");
        assertThat(terms.standing()).isEqualTo(TermsAt.Standing.EFFECTIVE);
        assertThat(figures.lifecycleFactsAfterPeriod()).isEqualTo(2);
    }

    @Test
    void no_terms_when_the_agreement_was_not_drafted_by_the_end_of_the_period() {
        ReportFigures figures = figures(new Chain(AGREEMENT.value()).add(drafted("P"), "2026-05-01T10:00:00Z").lines());

        assertThat(figures.termsAtEnd()).isEmpty();
    }

    @Test
    void breaches_show_only_this_controllers_notifications_and_requests_keep_their_facts() {
        List<nl.evidencestore.shared.evidence.EventLine> lines = new java.util.ArrayList<>(SampleBundle.lines("P"));
        // A fact that is not agreement-only never reaches the report, even when a chain holds it.
        lines.add(new Chain(AGREEMENT.value()).add(drafted("P"), "2025-11-06T10:00:00Z")
                .add(SampleBundle.othersNotification(), "2026-03-08T00:00:00Z").lines().get(1));
        ReportFigures figures = figures(lines);

        assertThat(figures.breaches()).singleElement().satisfies(b -> {
            assertThat(b.notifications).singleElement().satisfies(n -> assertThat(n.notificationId()).isEqualTo("n-1"));
            assertThat(b.reported.discoveredAt()).hasToString("2026-03-06T08:00:00Z");
        });
        assertThat(figures.requests()).singleElement().satisfies(r -> assertThat(r.forwarded.late()).isTrue());
        assertThat(figures.exports()).singleElement().satisfies(e -> assertThat(e.exported().bundleId()).isEqualTo("bundle-1"));
        assertThat(figures.employeeStreams()).isEqualTo(2);
        assertThat(figures.securityMeasureStreams()).isEqualTo(1);
        assertThat(figures.streams()).isEqualTo(4);
    }

    @Test
    void an_audit_shows_its_request_and_its_findings_whenever_recorded() {
        ReportFigures figures = figures(SampleBundle.lines("P"));

        assertThat(figures.audits()).singleElement().satisfies(a -> {
            assertThat(a.auditId).isEqualTo("audit-2026-q1");
            assertThat(a.requested.auditor()).isEqualTo("K. Visser RE");
            assertThat(a.findings).singleElement().satisfies(f -> assertThat(f.sharedOn()).hasToString("2026-04-01"));
        });
    }

    @Test
    void an_earlier_exports_seal_shows_beside_it_and_is_no_term_of_the_agreement() {
        List<nl.evidencestore.shared.evidence.EventLine> lines = new Chain(AGREEMENT.value())
                .add(drafted("P"), "2026-01-05T10:00:00Z")
                .add(new EvidenceExported(AGREEMENT, "bundle-0", java.time.Instant.parse("2026-01-01T00:00:00Z"),
                        ReportTestData.FROM, "auditor-1", null), "2026-04-02T09:00:00Z")
                .add(new EvidenceBundleSealed(AGREEMENT, "bundle-0", 17, "c".repeat(64),
                        java.time.Instant.parse("2026-04-02T09:00:03Z")), "2026-04-02T09:00:04Z")
                .lines();

        ReportFigures figures = figures(lines);

        assertThat(figures.exports()).singleElement().satisfies(e -> {
            assertThat(e.exported().bundleId()).isEqualTo("bundle-0");
            assertThat(e.sealed().rootHash()).isEqualTo("c".repeat(64));
            assertThat(e.sealed().treeSize()).isEqualTo(17);
        });
        assertThat(figures.lifecycleFactsAfterPeriod()).isZero();
    }
}

