package nl.evidencestore.shared.evidence.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.BundleWriter;
import nl.evidencestore.shared.evidence.Manifest;
import nl.evidencestore.shared.evidence.ProofFile;
import nl.evidencestore.shared.integrity.VerificationKey;

/**
 * Verifies a bundle offline (evidence-bundle.md, "The verifier"): with nothing but the ZIP, an
 * optional public key the auditor trusts and an optional checkpoint kept from an earlier audit.
 * {@code events.jsonl} is streamed, never held: one pass in which every line-local check runs on
 * every core and the checks in order overlap them; a second reading only when a verdict depends
 * on the employee register in a way the first could not settle (see {@link RegisterAssumptions}).
 */
public final class BundleVerifier {
    private static final List<String> ORDER = List.of(Checks.FILES, Checks.MANIFEST_SIGNATURE, Checks.AUTHENTICITY,
            Checks.CANONICAL, Checks.PAYLOAD_HASHES, Checks.EVENT_HASHES, Checks.CHAIN, Checks.BOUNDARIES, Checks.EXPORT,
            Checks.MIRRORED, Checks.CHECKPOINT, Checks.INCLUSION, Checks.HEADS, Checks.APPEND_ONLY, Checks.NO_FORK,
            Checks.VERDICTS, Checks.TIMELINE, Checks.REPORT);
    private final Optional<VerificationKey> trusted;
    private final Optional<byte[]> previousCheckpoint;
    private final Map<String, Check> checks = new LinkedHashMap<>();

    private BundleVerifier(Optional<VerificationKey> trusted, Optional<byte[]> previousCheckpoint) {
        this.trusted = trusted;
        this.previousCheckpoint = previousCheckpoint;
    }

    /** Every check of the bundle at {@code zip}; failures name file, line and event id. */
    public static Verification verify(Path zip, Optional<VerificationKey> trustedKey, Optional<byte[]> previousCheckpoint) {
        BundleVerifier verifier = new BundleVerifier(trustedKey, previousCheckpoint);
        try (BundleArchive archive = new BundleArchive(zip)) {
            verifier.run(archive);
        } catch (IOException | RuntimeException e) {
            verifier.notRun("the bundle cannot be read: " + e.getMessage());
        }
        return verifier.result();
    }

    private void run(BundleArchive archive) throws IOException {
        Optional<byte[]> manifestBytes = archive.small(BundleWriter.MANIFEST);
        Manifest manifest;
        BundleScope scope;
        try {
            manifest = Manifest.parse(manifestBytes.orElseThrow(() -> new IllegalArgumentException("manifest.json is missing")));
            scope = manifest.bundleScope();
        } catch (IllegalArgumentException e) {
            add(Check.fail(Checks.FILES, e.getMessage()));
            notRun("no readable manifest.json");
            return;
        }
        VerificationKey bundleKey = null;
        String keyProblem = null;
        try {
            bundleKey = VerificationKey.fromPem(new String(archive.small(BundleWriter.PUBLIC_KEY)
                    .orElseThrow(() -> new IllegalArgumentException("public-key.pem is missing")), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            keyProblem = "public-key.pem: " + e.getMessage();
        }
        add(SignatureChecks.manifestSignature(manifestBytes, archive.small(BundleWriter.SIGNATURE), bundleKey, keyProblem));
        ProofFile proof = null;
        String proofProblem = null;
        try {
            proof = ProofFile.parse(archive.small(BundleWriter.PROOF)
                    .orElseThrow(() -> new IllegalArgumentException("proof.json is missing")));
        } catch (IllegalArgumentException e) {
            proofProblem = e.getMessage();
        }
        Map<String, MeasuredInput.Measure> measured = new LinkedHashMap<>();
        StreamEnds ends = new StreamEnds(scope.agreementId().value(), ProofChecks.watchedSequence(proof));
        if (archive.has(BundleWriter.EVENTS)) {
            readEvents(archive, scope, manifest, ends, measured);
        } else {
            failAll(List.of(Checks.CANONICAL, Checks.PAYLOAD_HASHES, Checks.EVENT_HASHES, Checks.CHAIN, Checks.BOUNDARIES,
                    Checks.EXPORT, Checks.MIRRORED, Checks.VERDICTS, Checks.TIMELINE, Checks.REPORT), "events.jsonl is missing");
        }
        add(FilesCheck.run(archive, manifest, measured));
        if (proof == null || bundleKey == null) {
            failAll(List.of(Checks.CHECKPOINT, Checks.INCLUSION, Checks.HEADS, Checks.APPEND_ONLY, Checks.NO_FORK),
                    proof == null ? proofProblem : keyProblem);
        } else {
            ProofChecks proofs = new ProofChecks(manifest, proof, bundleKey, trusted.orElse(bundleKey), previousCheckpoint);
            add(proofs.checkpoint());
            add(proofs.inclusion(ends));
            add(proofs.heads(ends));
            add(proofs.appendOnly());
            add(proofs.noFork(ends));
        }
        boolean signaturesHold = !checks.get(Checks.MANIFEST_SIGNATURE).failed() && !checks.get(Checks.CHECKPOINT).failed();
        add(SignatureChecks.authenticity(trusted, bundleKey, signaturesHold));
    }

    /** The one pass over events.jsonl and timeline.csv; both files' SHA-256 and sizes into {@code measured}. */
    private void readEvents(BundleArchive archive, BundleScope scope, Manifest manifest, StreamEnds ends,
                            Map<String, MeasuredInput.Measure> measured) throws IOException {
        String agreementId = scope.agreementId().value();
        EmployeeHistory employees = new EmployeeHistory();
        RegisterAssumptions assumed = new RegisterAssumptions();
        LineIntegrity integrity = new LineIntegrity();
        ChainCheck chain = new ChainCheck(agreementId);
        BoundaryCheck boundaries = new BoundaryCheck(scope, manifest.counts());
        ExportCheck export = new ExportCheck(scope);
        MirroredFactCheck mirrored = new MirroredFactCheck(scope.agreementId());
        VerdictCheck verdicts = VerdictCheck.assuming(agreementId, assumed);
        try (MeasuredInput in = new MeasuredInput(archive.open(BundleWriter.EVENTS));
             DerivedFiles derived = new DerivedFiles(archive, scope)) {
            LinePipeline.run(in, scope, batch -> {
                derived.report(batch);
                for (LineFacts facts : batch) {
                    integrity.accept(facts);
                    chain.accept(facts);
                    boundaries.accept(facts);
                    export.accept(facts);
                    mirrored.accept(facts);
                    employees.accept(facts);
                    verdicts.accept(facts);
                    ends.accept(facts);
                    derived.accept(facts);
                }
            });
            measured.put(BundleWriter.EVENTS, in.finish());
            add(derived.timelineResult());
            derived.timelineMeasure().ifPresent(timeline -> measured.put(BundleWriter.TIMELINE, timeline));
            add(derived.reportResult(archive, manifest));
        }
        integrity.results().forEach(this::add);
        add(chain.result());
        add(boundaries.result());
        add(export.result());
        add(mirrored.result());
        add(assumed.confirmedBy(employees) ? verdicts.result() : judgeKnowing(archive, scope, employees));
    }

    /** The verdicts judged again on a second reading, now that the register and the reassessed accesses are known. */
    private static Check judgeKnowing(BundleArchive archive, BundleScope scope, EmployeeHistory employees) throws IOException {
        VerdictCheck verdicts = VerdictCheck.knowing(scope.agreementId().value(), employees);
        try (InputStream in = archive.open(BundleWriter.EVENTS)) {
            LinePipeline.run(in, scope, batch -> batch.forEach(verdicts::accept));
        }
        return verdicts.result();
    }

    private void add(Check check) {
        checks.put(check.name(), check);
    }

    private void failAll(List<String> names, String reason) {
        names.forEach(name -> add(Check.fail(name, "not run: " + reason)));
    }

    /** Whatever has not run yet fails: a check that could not run never passes. */
    private void notRun(String reason) {
        ORDER.stream().filter(name -> !checks.containsKey(name)).forEach(name -> add(Check.fail(name, "not run: " + reason)));
    }

    private Verification result() {
        List<Check> ordered = new ArrayList<>();
        ORDER.forEach(name -> ordered.add(checks.get(name)));
        checks.values().stream().filter(check -> !ORDER.contains(check.name())).forEach(ordered::add);
        return new Verification(ordered);
    }
}
