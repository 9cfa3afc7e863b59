package nl.evidencestore.shared.evidence.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.BundleWriter;
import nl.evidencestore.shared.evidence.Manifest;
import nl.evidencestore.shared.evidence.report.ReportFigures;
import nl.evidencestore.shared.evidence.report.ReportHtml;
import nl.evidencestore.shared.evidence.report.TimelineCsv;

/**
 * {@code timeline.csv} and {@code report.html} regenerated from {@code events.jsonl} with the
 * classes that wrote them, during the same pass: each CSV row is compared as it is made (the
 * subject cell, which only the store can decrypt, is taken from the file), and the report's
 * figures are rendered once at the end and compared byte for byte.
 */
final class DerivedFiles implements AutoCloseable {
    private final BundleScope scope;
    private final ReportFigures figures;
    private final Findings timeline = new Findings(Checks.TIMELINE);
    private final InputStream csvStream;
    private final CsvRecords csv;
    private long rows;
    private boolean broken;

    DerivedFiles(BundleArchive archive, BundleScope scope) throws IOException {
        this.scope = scope;
        this.figures = new ReportFigures(scope);
        this.csvStream = archive.has(BundleWriter.TIMELINE) ? archive.open(BundleWriter.TIMELINE) : null;
        this.csv = csvStream == null ? null : new CsvRecords(csvStream);
        if (csv == null) {
            timeline.fail("timeline.csv is missing");
            broken = true;
        } else if (!Arrays.equals(next(), TimelineCsv.header())) {
            timeline.fail("timeline.csv line 1: not the header " + new String(TimelineCsv.header(), StandardCharsets.UTF_8).trim());
        }
    }

    void accept(LineFacts facts) {
        if (!facts.parsed()) {
            return;
        }
        try {
            figures.accept(facts.line());
        } catch (RuntimeException e) {
            // The line's own checks say what is wrong with it; the report is compared at the end.
        }
        if (broken) {
            return;
        }
        Optional<byte[]> expected;
        try {
            expected = TimelineCsv.row(facts.line(), scope, "");
        } catch (RuntimeException e) {
            return;
        }
        if (expected.isEmpty()) {
            return;
        }
        rows++;
        byte[] record = next();
        if (record == null) {
            timeline.fail(facts, "timeline.csv ends before the row of this access");
            broken = true;
            return;
        }
        byte[] regenerated = TimelineCsv.row(facts.line(), scope, CsvRecords.lastCell(record)).orElseThrow();
        if (!Arrays.equals(regenerated, record)) {
            timeline.fail(facts, "timeline.csv row " + (rows + 1) + " differs from the row this access gives: "
                    + new String(regenerated, StandardCharsets.UTF_8).trim());
        }
    }

    Check timelineResult() {
        if (!broken && next() != null) {
            timeline.fail("timeline.csv has more rows than the " + rows + " accesses recorded in the period");
        }
        return timeline.result(rows + " row(s), each the one its access gives (subject cells taken from the file)");
    }

    Check reportResult(BundleArchive archive, Manifest manifest) throws IOException {
        Optional<byte[]> file = archive.small(BundleWriter.REPORT);
        if (file.isEmpty()) {
            return Check.fail(Checks.REPORT, "report.html is missing");
        }
        byte[] rendered;
        try {
            rendered = ReportHtml.render(figures, scope, manifest.checkpoint().treeSize(), manifest.checkpoint().rootHash());
        } catch (RuntimeException e) {
            return Check.fail(Checks.REPORT, "the report cannot be rendered from events.jsonl: " + e.getMessage());
        }
        if (!Arrays.equals(rendered, file.get())) {
            return Check.fail(Checks.REPORT, "report.html differs from the report rendered from events.jsonl"
                    + firstDifference(rendered, file.get()));
        }
        return Check.pass(Checks.REPORT, "rendered again from events.jsonl: the same " + rendered.length + " bytes");
    }

    private static String firstDifference(byte[] expected, byte[] actual) {
        int i = Arrays.mismatch(expected, actual);
        int line = 1;
        for (int j = 0; j < i && j < actual.length; j++) {
            if (actual[j] == '\n') {
                line++;
            }
        }
        return " (from line " + line + ")";
    }

    private byte[] next() {
        try {
            return csv.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (csvStream != null) {
            csvStream.close();
        }
    }
}
