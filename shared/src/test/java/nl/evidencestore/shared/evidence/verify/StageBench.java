package nl.evidencestore.shared.evidence.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.Manifest;
import nl.evidencestore.shared.evidence.report.ReportFigures;
import nl.evidencestore.shared.evidence.report.TimelineCsv;
import nl.evidencestore.shared.json.JcsScanner;

/** Single-thread CPU cost (thread CPU time) of each stage per line, to see where verification time goes. */
public final class StageBench {
    public static void main(String[] args) throws Exception {
        BenchLines sample = BenchLines.first(Path.of(args[0]), 50_000);
        List<byte[]> raw = sample.raw();
        Manifest manifest = sample.manifest();
        var scope = manifest.bundleScope();
        for (int round = 0; round < 3; round++) {
            long t = cpu();
            for (byte[] r : raw) {
                JcsScanner.scan(r, 0, r.length - 1, null);
            }
            report("jcs scan", t, raw.size());
            t = cpu();
            List<EventLine> lines = new ArrayList<>();
            for (byte[] r : raw) {
                lines.add(CanonicalLine.read(r).line());
            }
            report("canonical read (scan + fields)", t, raw.size());
            t = cpu();
            for (byte[] r : raw) {
                CanonicalLine read = CanonicalLine.read(r);
                read.payloadHashHolds();
                read.eventHashHolds();
                read.access();
            }
            report("canonical read, hashes, access", t, raw.size());
            List<CanonicalLine> reads = new ArrayList<>();
            for (byte[] r : raw) {
                reads.add(CanonicalLine.read(r));
            }
            t = cpu();
            for (CanonicalLine read : reads) {
                read.payloadHashHolds();
                read.eventHashHolds();
            }
            report("both hashes", t, raw.size());
            t = cpu();
            for (CanonicalLine read : reads) {
                read.payloadHashHolds();
            }
            report("payload hash", t, raw.size());
            t = cpu();
            for (CanonicalLine read : reads) {
                read.eventHashHolds();
            }
            report("envelope hash", t, raw.size());
            t = cpu();
            for (CanonicalLine read : reads) {
                read.access();
            }
            report("access read", t, raw.size());
            t = cpu();
            AccessLineShape shape = new AccessLineShape();
            for (byte[] r : raw) {
                shape.read(r, 0, r.length);
            }
            report("plain shape walk", t, raw.size());
            PlainRow plainRow = new PlainRow();
            t = cpu();
            for (byte[] r : raw) {
                if (shape.read(r, 0, r.length)) {
                    plainRow.write(r, shape);
                }
            }
            report("plain shape walk and row", t, raw.size());
            t = cpu();
            for (byte[] r : raw) {
                PlainAccessLine.facts(1, r, 0, r.length, scope);
            }
            report("plain access line facts", t, raw.size());
            t = cpu();
            for (byte[] r : raw) {
                GeneralLine.facts(1, r, 0, r.length, scope);
            }
            report("general line facts", t, raw.size());
            t = cpu();
            List<LineFacts> facts = new ArrayList<>();
            for (byte[] r : raw) {
                facts.add(LineFacts.of(1, r, scope));
            }
            report("LineFacts.of total", t, raw.size());
            t = cpu();
            for (LineFacts f : facts) {
                TimelineCsv.row(f.line(), f.event(), scope, "x");
            }
            report("timeline row (the writer's)", t, raw.size());
            t = cpu();
            for (LineFacts f : facts) {
                TimelineRow.of(f.line(), f.event(), scope);
            }
            report("timeline row (as bytes)", t, raw.size());
            t = cpu();
            ReportFigures figures = new ReportFigures(scope);
            for (LineFacts f : facts) {
                figures.accept(f.line(), java.util.Optional.ofNullable(f.event()));
            }
            report("report figures", t, raw.size());
            t = cpu();
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (byte[] r : raw) {
                sha.digest(r);
            }
            report("raw SHA-256 of the line", t, raw.size());
            t = cpu();
            VerdictCheck verdicts = VerdictCheck.assuming(scope.agreementId().value(), new RegisterAssumptions());
            ChainCheck chain = new ChainCheck(scope.agreementId().value());
            BoundaryCheck boundaries = new BoundaryCheck(scope, manifest.counts());
            for (LineFacts f : facts) {
                verdicts.accept(f);
                chain.accept(f);
                boundaries.accept(f);
            }
            report("in-order checks (main)", t, raw.size());
        }
    }

    /** Thread CPU time: on a shared machine wall time says more about the neighbours. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void report(String stage, long started, int lines) {
        System.out.printf("%-30s %6.1f µs/line%n", stage, (cpu() - started) / 1e3 / lines);
    }
}
