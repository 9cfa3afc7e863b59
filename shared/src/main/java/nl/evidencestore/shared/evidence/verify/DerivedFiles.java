package nl.evidencestore.shared.evidence.verify;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.BundleWriter;
import nl.evidencestore.shared.evidence.Manifest;
import nl.evidencestore.shared.evidence.report.ReportHtml;
import nl.evidencestore.shared.evidence.report.TimelineCsv;

/**
 * {@code timeline.csv} and {@code report.html} regenerated from {@code events.jsonl} with the
 * classes that wrote them, during the same pass: each CSV row is compared as it is made (the
 * subject cell, which only the store can decrypt, is taken from the file), and the report's
 * figures are rendered once at the end and compared byte for byte.
 */
final class DerivedFiles implements AutoCloseable {
    private static final byte[] STAND_IN = LineFacts.SUBJECT.getBytes(StandardCharsets.UTF_8);
    private final BundleScope scope;
    private final ReportStage report;
    private final Findings timeline = new Findings(Checks.TIMELINE);
    private final InputStream csvStream;
    /** timeline.csv hashed and counted as it is read for its rows, so that the manifest's check need not read it again. */
    private final MeasuredInput csvMeasured;
    private final CsvRecords csv;
    private long rows;
    private boolean broken;

    DerivedFiles(BundleArchive archive, BundleScope scope) throws IOException {
        this.scope = scope;
        this.report = new ReportStage(scope);
        this.csvMeasured = archive.has(BundleWriter.TIMELINE) ? new MeasuredInput(archive.open(BundleWriter.TIMELINE)) : null;
        this.csvStream = csvMeasured == null ? null : new BufferedInputStream(csvMeasured, 1 << 16);
        this.csv = csvStream == null ? null : new CsvRecords(csvStream);
        if (csv == null) {
            timeline.fail("timeline.csv is missing");
            broken = true;
        } else if (!Arrays.equals(next(), TimelineCsv.header())) {
            timeline.fail("timeline.csv line 1: not the header " + new String(TimelineCsv.header(), StandardCharsets.UTF_8).trim());
        }
    }

    /** The report's figures take every batch, on their own thread. */
    void report(List<LineFacts> batch) {
        report.accept(batch);
    }

    void accept(LineFacts facts) {
        if (broken || facts.timelineRow() == null) {
            return;
        }
        rows++;
        byte[] record = next();
        if (record == null) {
            timeline.fail(facts, "timeline.csv ends before the row of this access");
            broken = true;
            return;
        }
        if (!sameRow(facts.timelineRow(), record)) {
            timeline.fail(facts, "timeline.csv row " + (rows + 1) + " differs from the row this access gives: "
                    + new String(facts.timelineRow(), StandardCharsets.UTF_8).replace(LineFacts.SUBJECT, "<subject>").trim());
        }
    }

    private static boolean sameRow(byte[] template, byte[] record) {
        return plainSubjectRow(template, record) || Arrays.equals(withSubject(template, record), record);
    }

    /**
     * The common case decided in place, without making the row: the record is the template up
     * to the stand-in, then a subject cell the writer makes as it is (ASCII, nothing to quote, no
     * formula), then CRLF. Only ever true where {@link #withSubject} gives the record itself;
     * false sends the record the general way, which also names what differs.
     */
    static boolean plainSubjectRow(byte[] template, byte[] record) {
        int cut = template.length - STAND_IN.length - 2;
        int end = record.length - 2;
        if (cut < 0 || end < cut || record[end] != '\r' || record[end + 1] != '\n'
                || !Arrays.equals(template, cut, cut + STAND_IN.length, STAND_IN, 0, STAND_IN.length)
                || !Arrays.equals(template, 0, cut, record, 0, cut)) {
            return false;
        }
        for (int i = cut; i < end; i++) {
            byte b = record[i];
            if (b < 0 || b == '"' || b == ',' || b == '\r' || b == '\n') {
                return false;
            }
        }
        return cut == end || !CsvRecords.formulaStart(record[cut]);
    }

    /**
     * The row made with a stand-in subject, given the file's own subject cell when that is one
     * the writer could have made; otherwise the stand-in stays, and the row differs.
     */
    static byte[] withSubject(byte[] template, byte[] record) {
        byte[] subject = CsvRecords.lastCellBytes(record);
        byte[] standIn = STAND_IN;
        int cut = template.length - standIn.length - 2;
        if (subject == null || cut < 0 || !Arrays.equals(template, cut, cut + standIn.length, standIn, 0, standIn.length)) {
            return template;
        }
        byte[] row = Arrays.copyOf(template, cut + subject.length + 2);
        System.arraycopy(subject, 0, row, cut, subject.length);
        row[row.length - 2] = '\r';
        row[row.length - 1] = '\n';
        return row;
    }

    Check timelineResult() {
        if (!broken && next() != null) {
            timeline.fail("timeline.csv has more rows than the " + rows + " accesses recorded in the period");
        }
        return timeline.result(rows + " row(s), each the one its access gives (subject cells taken from the file)");
    }

    /** timeline.csv's SHA-256 and size, the file read to its end; empty when it is missing. Once the rows are checked. */
    Optional<MeasuredInput.Measure> timelineMeasure() throws IOException {
        return csvMeasured == null ? Optional.empty() : Optional.of(csvMeasured.finish());
    }

    Check reportResult(BundleArchive archive, Manifest manifest) throws IOException {
        Optional<byte[]> file = archive.small(BundleWriter.REPORT);
        if (file.isEmpty()) {
            return Check.fail(Checks.REPORT, "report.html is missing");
        }
        byte[] rendered;
        try {
            rendered = ReportHtml.render(report.finish(), scope, manifest.checkpoint().treeSize(), manifest.checkpoint().rootHash());
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
        report.stop();
        if (csvStream != null) {
            csvStream.close();
        }
    }
}
