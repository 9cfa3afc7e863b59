package nl.evidencestore.shared.evidence.report;

import java.util.List;
import nl.evidencestore.shared.event.access.VerdictReassessed;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;

/** What happened in the period: violations by article, later reassessments, and late arrivals. */
final class ActivitySections {
    private ActivitySections() {
    }

    static void violations(Html html, ReportFigures figures) {
        html.section("violations", "Violations by article");
        List<ArticleCount> articles = figures.violationsByArticle();
        if (articles.isEmpty()) {
            html.p("Nothing recorded in the period violated the agreement.");
        } else {
            html.p("Each access, disclosure, breach notification and request forwarding recorded in the period, counted once"
                    + " for every article it broke;"
                    + " the examples are the first ones recorded (an accessId as in timeline.csv, a disclosure, breach or request id).");
            html.table("Violations recorded in the period", List.of("Article", "Heading", "Rule broken", "Count",
                    "Examples"), articles.stream().<List<?>>map(ActivitySections::articleRow).toList());
        }
        reassessments(html, figures);
        html.endSection();
    }

    private static List<?> articleRow(ArticleCount a) {
        Articles.Title title = Articles.title(a.article());
        return List.of(Articles.label(a.article()), Html.dutch(title.heading()), title.rule(),
                Formats.count(a.count()), String.join(", ", a.examples()));
    }

    private static void reassessments(Html html, ReportFigures figures) {
        long reassessed = figures.accesses().reassessed();
        if (reassessed == 0) {
            return;
        }
        List<VerdictReassessed> shown = figures.reassessments();
        html.h3("Verdicts reassessed");
        html.p(Formats.count(reassessed) + " verdict(s) were reassessed in the period because a fact recorded later"
                + " changed the answer; the original verdict stays on the record (and in timeline.csv)."
                + (shown.size() < reassessed ? " The first " + shown.size() + " are shown." : ""));
        html.table("Reassessed verdicts", List.of("Access", "Original verdict", "Reassessed verdict", "Caused by event"),
                shown.stream().<List<?>>map(r -> List.of(r.accessId(), verdict(r.previous()), verdict(r.current()),
                        Formats.text(r.causeEventId()))).toList());
    }

    private static String verdict(Verdict verdict) {
        if (verdict == null) {
            return Formats.NONE;
        }
        List<String> articles = verdict.violations().stream().map(Violation::article).map(Articles::label).toList();
        return articles.isEmpty() ? verdict.verdict().name() : verdict.verdict().name() + " (" + String.join(", ", articles) + ")";
    }

    static void lateArrivals(Html html, ReportFigures figures) {
        html.section("late-arrivals", "Late arrivals");
        if (figures.lateArrivals() == 0) {
            html.p("No access that occurred in the period was recorded after it.").endSection();
            return;
        }
        List<EventEnvelope> shown = figures.lateExamples();
        html.p(Formats.count(figures.lateArrivals()) + " access(es) occurred inside the period but were recorded after"
                + " its end. They travel in this bundle as stubs (envelope and hash only), so their content is not shown"
                + " here; a bundle whose period covers their recording carries them in full."
                + (shown.size() < figures.lateArrivals() ? " The first " + shown.size() + " are listed." : ""));
        html.table("Accesses recorded after the period", List.of("Event", "Occurred at", "Recorded at"),
                shown.stream().<List<?>>map(e -> List.of(e.eventId(), Formats.instant(e.occurredAt()),
                        Formats.instant(e.recordedAt()))).toList());
        html.endSection();
    }
}
