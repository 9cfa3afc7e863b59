package nl.evidencestore.shared.evidence.report;

import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.shared.evidence.BundleScope;

/** The first screen: which agreement and period, and how the period's accesses were judged. */
final class SummarySection {
    private SummarySection() {
    }

    static void write(Html html, ReportFigures figures) {
        BundleScope scope = figures.scope();
        AccessCounts counts = figures.accesses();
        html.section("summary", "Summary");
        html.raw("<p class=\"" + (counts.violations() > 0 ? "verdict-violation" : "verdict") + "\">"
                + Html.escape(headline(counts)) + "</p>\n");
        html.facts("Agreement", scope.agreementId().value(),
                "Controller", controller(figures),
                "Processor", figures.terms().draft().map(d -> d.processor().name()).orElse(Formats.NONE),
                "Period (recorded at, both ends inclusive)", Formats.instant(scope.from()) + " to " + Formats.instant(scope.to()),
                "Bundle", scope.bundleId() + ": " + Formats.count(figures.lines()) + " events, of which "
                        + Formats.count(figures.stubs()) + " stubs, in " + Formats.count(figures.streams()) + " streams ("
                        + Formats.count(figures.employeeStreams()) + " of the employee register, "
                        + Formats.count(figures.securityMeasureStreams()) + " of security measures)");
        html.table("Verdicts of the accesses recorded in the period", List.of("Verdict", "Accesses", "Share"), List.of(
                List.of("Compliant", Formats.count(counts.compliant()), Formats.percent(counts.compliant(), counts.accesses())),
                List.of("Violation", Formats.count(counts.violations()), Formats.percent(counts.violations(), counts.accesses())),
                List.of("All accesses", Formats.count(counts.accesses()), Formats.percent(counts.accesses(), counts.accesses()))));
        html.table("Also in the period", List.of("What", "Count"), others(figures, counts));
        html.endSection();
    }

    private static String headline(AccessCounts counts) {
        if (counts.accesses() == 0) {
            return "No access to personal data was recorded in the period.";
        }
        return Formats.count(counts.violations()) + " of " + Formats.count(counts.accesses())
                + " accesses recorded in the period violated the agreement ("
                + Formats.percent(counts.violations(), counts.accesses()) + ").";
    }

    private static String controller(ReportFigures figures) {
        return figures.terms().draft().map(d -> d.controller().name() + " (" + d.controller().id() + ")")
                .orElse(figures.scope().controllerId().value());
    }

    private static List<List<?>> others(ReportFigures figures, AccessCounts counts) {
        List<List<?>> rows = new ArrayList<>(List.of(
                List.of("Accesses touching a special category (BSN, health data)", Formats.count(counts.specialCategories())),
                List.of("Accesses recorded late", Formats.count(counts.recordedLate())),
                List.of("Accesses citing an unregistered instruction (Art. 1.1)", Formats.count(counts.unverifiedInstructions())),
                List.of("Disclosures to third parties (Art. 8)", Formats.count(counts.disclosures())),
                List.of("Disclosures violating Art. 8.1", Formats.count(counts.disclosureViolations())),
                List.of("Verdicts reassessed", Formats.count(counts.reassessed())),
                List.of("Late arrivals (occurred in the period, recorded after it)", Formats.count(figures.lateArrivals())),
                List.of("Breaches in this bundle", Formats.count(figures.breaches().size())),
                List.of("Subject requests in this bundle", Formats.count(figures.requests().size()))));
        if (AuditSection.shown(figures)) {
            rows.add(List.of("Audits in this bundle (Art. 9)", Formats.count(figures.audits().size())));
        }
        if (figures.unknownTypes() > 0) {
            rows.add(List.of("Events of a type this version cannot read (hash-checked, not shown)",
                    Formats.count(figures.unknownTypes())));
        }
        return rows;
    }
}
