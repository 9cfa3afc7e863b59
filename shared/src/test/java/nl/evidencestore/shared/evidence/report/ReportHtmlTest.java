package nl.evidencestore.shared.evidence.report;

import static nl.evidencestore.shared.evidence.report.ReportTestData.AGREEMENT;
import static nl.evidencestore.shared.evidence.report.ReportTestData.ROOT;
import static nl.evidencestore.shared.evidence.report.ReportTestData.SCOPE;
import static nl.evidencestore.shared.evidence.report.ReportTestData.drafted;
import static nl.evidencestore.shared.evidence.report.ReportTestData.figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.report.ReportTestData.Chain;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {
    private static final String HOSTILE = "<script>alert('x')</script> & Zn";

    @Test
    void the_same_lines_render_the_same_bytes() {
        byte[] first = render(SampleBundle.lines("Tandartspraktijk Zuid"));
        byte[] second = render(SampleBundle.lines("Tandartspraktijk Zuid"));

        assertThat(first).isEqualTo(second);
    }

    @Test
    void the_order_of_independent_streams_after_the_agreement_does_not_matter() {
        List<EventLine> reordered = new ArrayList<>(SampleBundle.agreement("Tandartspraktijk Zuid").lines());
        reordered.addAll(SampleBundle.securityMeasure());
        reordered.addAll(SampleBundle.employees().get(1));
        reordered.addAll(SampleBundle.employees().get(0));

        assertThat(render(reordered)).isEqualTo(render(SampleBundle.lines("Tandartspraktijk Zuid")));
    }

    @Test
    void every_text_from_an_event_is_escaped() {
        String html = text(render(SampleBundle.lines(HOSTILE)));

        assertThat(html).doesNotContain("<script>").doesNotContain("alert('x')")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Zn");
    }

    @Test
    void subject_references_never_appear() {
        String html = text(render(SampleBundle.lines("P")));

        assertThat(html).doesNotContain("patient-secret-42");
    }

    @Test
    void sections_without_facts_say_so_instead_of_inventing_them() {
        String html = text(render(new Chain(AGREEMENT.value()).add(drafted("P"), "2025-11-06T10:00:00Z").lines()));

        assertThat(html).contains("<h2 id=\"breaches-h\">Breaches and notifications</h2>\n<p>None recorded in this bundle.")
                .contains("<h2 id=\"subject-requests-h\">Requests of data subjects</h2>\n<p>None recorded in this bundle.")
                .contains("No access to personal data was recorded in the period.")
                // A kind of fact later versions added has no section until the bundle holds one: see the next test.
                .doesNotContain("id=\"audits-h\"").doesNotContain("href=\"#audits\"");
    }

    @Test
    void the_report_shows_the_facts_the_bundle_proves() {
        String html = text(render(SampleBundle.lines("Tandartspraktijk Zuid")));

        assertThat(html)
                .contains("<th scope=\"row\">Art. 1.3</th><td><span lang=\"nl\">Art. 1 Doeleinden van verwerking</span></td>")
                .contains("26 h 30 min (95,400 s)").contains("LATE (Art. 6.1)")
                .contains("2026-03-13, LATE (Art. 7.1)")
                .contains("<th scope=\"row\">audit-2026-q1</th><td>2026-03-16</td><td>K. Visser RE</td><td>1</td>")
                .contains("<th scope=\"row\">audit-2026-q1</th><td>f-1</td><td>2026-04-01</td>"
                        + "<td>Access logs complete; two accounts without two-factor sign-in</td>")
                .contains("bundle-1 (this bundle)")
                .contains("<td>held</td>").contains("<td>deleted</td>")
                .contains("1 access(es) occurred inside the period but were recorded after its end.")
                .contains(VerifySection.COMMAND).contains(ROOT).contains("1,234,567")
                .doesNotContain("agr-other").doesNotContain("A. Jansen");
    }

    @Test
    void a_report_for_another_scope_or_without_a_proper_checkpoint_is_refused() {
        ReportFigures figures = figures(SampleBundle.lines("P"));
        BundleScope other = new BundleScope("bundle-2", AGREEMENT, SCOPE.controllerId(), SCOPE.from(), SCOPE.to(),
                Instant.parse("2026-04-02T10:00:00Z"), "auditor-1");

        assertThatThrownBy(() -> ReportHtml.render(figures, other, 1, ROOT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another bundle scope");
        assertThatThrownBy(() -> ReportHtml.render(figures, SCOPE, 10, "ABC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hex root");
    }

    /** Not a check: leaves the sample where a person, or a headless browser, can look at it. */
    @Test
    void writes_a_sample_report_for_people_to_read() throws IOException {
        Path sample = Path.of("target", "sample-report.html");
        Files.createDirectories(sample.getParent());
        Files.write(sample, render(SampleBundle.lines("Tandartspraktijk Zuid")));

        assertThat(text(Files.readAllBytes(sample))).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    }

    private static byte[] render(List<EventLine> lines) {
        return ReportHtml.render(figures(lines), SCOPE, 1_234_567, ROOT);
    }

    private static String text(byte[] html) {
        return new String(html, StandardCharsets.UTF_8);
    }
}
