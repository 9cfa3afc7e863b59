package nl.evidencestore.shared.evidence.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import nl.evidencestore.shared.evidence.BundleScope;

/**
 * A bundle's {@code report.html}: one self-contained, printable page for the people who read
 * evidence (no script, no external resource). The store renders it when it builds a bundle and
 * the verifier renders it again from {@code events.jsonl} and compares bytes, so it depends only
 * on the figures, the scope and the checkpoint. Subject references never appear in it.
 */
public final class ReportHtml {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /**
     * The table of contents: each section's id and heading, in the order {@link #render} writes them.
     * A section for a kind of fact that later versions added (audits) is written only when the
     * bundle holds such facts: a bundle exported by an earlier version, which holds none, then
     * renders byte for byte as it did, and still verifies (its report.html check compares bytes).
     */
    private record Entry(String id, String title, Predicate<ReportFigures> shown) {
        Entry(String id, String title) {
            this(id, title, figures -> true);
        }
    }

    private static final List<Entry> CONTENTS = List.of(new Entry("summary", "Summary"),
            new Entry("agreement", "The agreement as it stood"), new Entry("violations", "Violations by article"),
            new Entry("breaches", "Breaches and notifications"), new Entry("subject-requests", "Requests of data subjects"),
            new Entry(AuditSection.ID, "Audits", AuditSection::shown),
            new Entry("deletion", "Data locations and deletion"), new Entry("security-measures", "Security measures"),
            new Entry("exports", "Exports of evidence"),
            new Entry("late-arrivals", "Late arrivals"), new Entry("verify", "How to verify this bundle"));

    private ReportHtml() {
    }

    /** The page as UTF-8 bytes; {@code rootHash} is the checkpoint's root, lower-case hex. */
    public static byte[] render(ReportFigures figures, BundleScope scope, long treeSize, String rootHash) {
        if (!figures.scope().equals(scope)) {
            throw new IllegalArgumentException("the figures were accumulated for another bundle scope");
        }
        if (treeSize < 1 || rootHash == null || !SHA256_HEX.matcher(rootHash).matches()) {
            throw new IllegalArgumentException("a checkpoint has a positive tree size and a 64-digit lower-case hex root");
        }
        Html html = new Html();
        head(html, scope, figures);
        SummarySection.write(html, figures);
        AgreementSection.write(html, figures);
        ActivitySections.violations(html, figures);
        ObligationSections.breaches(html, figures);
        ObligationSections.subjectRequests(html, figures);
        AuditSection.write(html, figures);
        RecordsSections.deletions(html, figures);
        RecordsSections.securityMeasures(html, figures);
        RecordsSections.exports(html, figures);
        ActivitySections.lateArrivals(html, figures);
        VerifySection.write(html, treeSize, rootHash, AuditSection.shown(figures));
        html.raw("</main>\n<footer><p>Bundle " + Html.escape(scope.bundleId()) + ", created "
                + Html.escape(Formats.instant(scope.createdAt())) + " by " + Html.escape(scope.createdBy())
                + ". Rendered from events.jsonl; regenerate and compare it with the verifier.</p></footer>\n"
                + "</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void head(Html html, BundleScope scope, ReportFigures figures) {
        String title = "Evidence report: agreement " + scope.agreementId() + ", " + Formats.instant(scope.from())
                + " to " + Formats.instant(scope.to());
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + ReportStyle.CSS + "</style>\n</head>\n<body>\n"
                + "<header>\n<p class=\"kind\">GDPR Art. 28 processing agreement (<span lang=\"nl\">verwerkersovereenkomst</span>)"
                + " \u2014 evidence bundle report</p>\n<h1>" + Html.escape(title) + "</h1>\n</header>\n");
        html.raw("<nav aria-label=\"Contents\">\n<h2 id=\"contents-h\">Contents</h2>\n<ol>\n");
        CONTENTS.stream().filter(c -> c.shown().test(figures))
                .forEach(c -> html.raw("<li><a href=\"#" + c.id() + "\">" + Html.escape(c.title()) + "</a></li>\n"));
        html.raw("</ol>\n</nav>\n<main>\n");
    }
}
