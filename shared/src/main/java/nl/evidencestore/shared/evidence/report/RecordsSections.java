package nl.evidencestore.shared.evidence.report;

import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.shared.event.securitymeasure.SecurityMeasureRecorded;
import nl.evidencestore.shared.terms.DeletionAt;
import nl.evidencestore.shared.terms.DeletionAt.LocationAt;

/**
 * Where the controller's data is held and its deletion (Art. 11.2), the processor's security
 * measures (Art. 5), and every export of evidence (Art. 9).
 */
final class RecordsSections {
    private RecordsSections() {
    }

    static void deletions(Html html, ReportFigures figures) {
        html.section("deletion", "Data locations and deletion");
        DeletionAt deletion = figures.terms().deletionAt(figures.scope().to());
        if (deletion.locations().isEmpty()) {
            html.p("No data location was registered by the end of the period (Art. 11.2).").endSection();
            return;
        }
        html.table("Locations holding the controller's data at the end of the period (Art. 11.2)",
                List.of("Location", "Description", "State", "Deleted", "Retention hold", "Deletion due at"),
                deletion.locations().stream().<List<?>>map(RecordsSections::locationRow).toList());
        DeletionAt.ObligationAt obligation = deletion.obligation();
        if (obligation == null) {
            html.p("The agreement had not ended, so no deletion obligation was open.");
        } else {
            html.facts("Deletion obligation", Formats.words(obligation.status().name()),
                    "Due at", Formats.instant(obligation.dueAt()),
                    "Fulfilled on", Formats.date(obligation.fulfilledOn()),
                    "Locations still open", Formats.names(obligation.openLocationIds()),
                    "Overdue raised by the store", Formats.names(obligation.overdue().stream()
                            .map(o -> Formats.instant(o.dueAt()) + ": " + String.join(", ", o.openLocationIds())).toList()));
        }
        html.endSection();
    }

    private static List<?> locationRow(LocationAt l) {
        String deleted = l.deletion() == null ? Formats.NONE : Formats.date(l.deletion().deletedOn()) + ", "
                + Formats.text(l.deletion().method()) + ", certificate SHA-256 " + Formats.text(l.deletion().certificateSha256());
        String hold = l.hold() == null ? Formats.NONE
                : "until " + Formats.date(l.hold().until()) + ": " + Formats.text(l.hold().legalBasis());
        return List.of(l.location().locationId(), Formats.text(l.location().description()), Formats.words(l.state().name()),
                deleted, hold, Formats.instant(l.dueAt()));
    }

    static void securityMeasures(Html html, ReportFigures figures) {
        html.section("security-measures", "Security measures");
        List<SecurityMeasureRecorded> measures = figures.securityMeasures();
        if (measures.isEmpty()) {
            html.p("No security measure was recorded by the end of the period (Art. 5).");
        } else {
            html.table("Technical and organisational measures as last recorded by the end of the period (Art. 5)",
                    List.of("Measure", "Description", "In place since", "Evidence"), measures.stream().<List<?>>map(m ->
                            List.of(m.measureId().value(), Formats.text(m.description()), Formats.date(m.since()),
                                    Formats.text(m.evidenceReference()))).toList());
        }
        if (figures.securityMeasuresRecordedAfterPeriod() > 0) {
            html.p(Formats.count(figures.securityMeasuresRecordedAfterPeriod())
                    + " record(s) of security measures came after the period: in the bundle, not shown here.");
        }
        html.endSection();
    }

    static void exports(Html html, ReportFigures figures) {
        html.section("exports", "Exports of evidence");
        List<ReportFigures.Export> exports = figures.exports();
        if (exports.isEmpty()) {
            html.p("None recorded in this bundle.").endSection();
            return;
        }
        // The seal column only where a seal is: a bundle without one renders as versions before
        // EvidenceBundleSealed wrote it (ReportHtml), and so verifies with them.
        boolean sealed = exports.stream().anyMatch(x -> x.sealed() != null);
        html.p("Every export of a bundle is recorded in the agreement's own chain (Art. 9), this one included."
                + (sealed ? " Once a bundle is sealed, the root hash of the checkpoint it was sealed with follows in the"
                + " chain: compare it with the rootHash of that bundle's proof.json. This bundle's own root is the"
                + " checkpoint's below; its seal is recorded after it was built." : ""));
        List<String> columns = new ArrayList<>(List.of("Bundle", "Period from", "Period to", "Exported by",
                "Recorded at", "Previous checkpoint root"));
        if (sealed) {
            columns.add("Sealed with root hash");
        }
        html.table("Exports (Art. 9)", columns, exports.stream().<List<?>>map(x -> exportRow(figures, x, sealed)).toList());
        html.endSection();
    }

    private static List<?> exportRow(ReportFigures figures, ReportFigures.Export x, boolean withSeal) {
        var e = x.exported();
        boolean self = figures.scope().bundleId().equals(e.bundleId());
        List<Object> row = new ArrayList<>(List.of(self ? e.bundleId() + " (this bundle)" : Formats.text(e.bundleId()),
                Formats.instant(e.from()), Formats.instant(e.to()), Formats.text(e.exportedBy()),
                Formats.instant(x.recordedAt()), Formats.text(e.previousCheckpointRoot())));
        if (withSeal) {
            row.add(seal(x, self));
        }
        return row;
    }

    /** The root an earlier export was sealed with, and the checkpoint that names it. */
    private static String seal(ReportFigures.Export export, boolean self) {
        if (self) {
            return "this bundle's checkpoint (below)";
        }
        if (export.sealed() == null) {
            return "not sealed in this bundle";
        }
        var sealed = export.sealed();
        return Formats.text(sealed.rootHash()) + " (tree size " + Formats.count(sealed.treeSize()) + ", signed "
                + Formats.instant(sealed.checkpointTime()) + ")";
    }
}
