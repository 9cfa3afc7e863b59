package nl.evidencestore.shared.evidence.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Audits of the agreement (Art. 9.1, 9.3): each lives in a stream of its own, and its request
 * and findings are mirrored into the agreement's chain, so the report shows what the bundle's
 * lines prove. The findings' text is shown as the auditor wrote it, as a breach's notes are.
 */
final class AuditSection {
    static final String ID = "audits";

    private AuditSection() {
    }

    /** Only a bundle that holds audit facts has the section (ReportHtml: earlier versions' reports stay as they were). */
    static boolean shown(ReportFigures figures) {
        return !figures.audits().isEmpty();
    }

    static void write(Html html, ReportFigures figures) {
        if (!shown(figures)) {
            return;
        }
        html.section(ID, "Audits");
        List<AuditFacts> audits = figures.audits();
        html.p("An audit's request and each of its findings enter the agreement's own chain moments after they are"
                + " recorded, so the chain up to the export holds them all but the last moments' ones.");
        html.table("Audits requested by the controller (Art. 9.1)", List.of("Audit", "Requested on", "Auditor",
                "Findings shared"), audits.stream().<List<?>>map(AuditSection::auditRow).toList());
        List<List<?>> findings = new ArrayList<>();
        audits.forEach(a -> a.findings.forEach(f -> findings.add(List.of(a.auditId, f.findingId(),
                Formats.date(f.sharedOn()), Formats.text(f.findings())))));
        if (!findings.isEmpty()) {
            html.table("Findings shared with the processor (Art. 9.3)", List.of("Audit", "Finding", "Shared on",
                    "Findings"), findings);
        }
        html.endSection();
    }

    private static List<?> auditRow(AuditFacts a) {
        var r = a.requested;
        return List.of(a.auditId, r == null ? Formats.NONE : Formats.date(r.requestedOn()),
                r == null ? Formats.NONE : Formats.text(r.auditor()),
                a.findings.isEmpty() ? "none yet" : Formats.count(a.findings.size()));
    }
}
