package nl.evidencestore.shared.evidence.verify;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.evidencestore.shared.evidence.BundleWriter;
import nl.evidencestore.shared.evidence.Manifest;

/**
 * The manifest lists every file but itself and its signature, each with its SHA-256 and size;
 * no listed file is missing, no file is unlisted, and no name occurs twice.
 */
final class FilesCheck {
    private static final List<String> REQUIRED = List.of(BundleWriter.EVENTS, BundleWriter.PROOF, BundleWriter.PUBLIC_KEY);
    private static final Set<String> UNLISTED = Set.of(BundleWriter.MANIFEST, BundleWriter.SIGNATURE);

    private FilesCheck() {
    }

    /** {@code measured}: files already hashed while read for another check (events.jsonl). */
    static Check run(BundleArchive archive, Manifest manifest, Map<String, MeasuredInput.Measure> measured)
            throws IOException {
        Findings findings = new Findings(Checks.FILES);
        archive.duplicates().forEach(name -> findings.fail(name + " occurs more than once in the ZIP"));
        UNLISTED.stream().filter(name -> !archive.has(name)).forEach(name -> findings.fail(name + " is missing"));
        Set<String> listed = new HashSet<>();
        for (Manifest.FileEntry file : manifest.files()) {
            if (!listed.add(file.name())) {
                findings.fail("manifest.json lists " + file.name() + " twice");
            } else if (UNLISTED.contains(file.name())) {
                findings.fail("manifest.json lists " + file.name() + ", which it cannot cover");
            } else if (!archive.has(file.name())) {
                findings.fail(file.name() + " is listed in manifest.json but missing");
            } else {
                MeasuredInput.Measure measure = measured.containsKey(file.name()) ? measured.get(file.name())
                        : archive.measure(file.name());
                if (!measure.sha256().equals(file.sha256()) || measure.size() != file.size()) {
                    findings.fail(file.name() + " has SHA-256 " + measure.sha256() + " and " + measure.size()
                            + " bytes; manifest.json states " + file.sha256() + " and " + file.size() + " bytes");
                }
            }
        }
        REQUIRED.stream().filter(name -> !listed.contains(name))
                .forEach(name -> findings.fail(name + " is not listed in manifest.json"));
        archive.names().stream().filter(name -> !listed.contains(name) && !UNLISTED.contains(name)).distinct()
                .forEach(name -> findings.fail(name + " is in the ZIP but not listed in manifest.json"));
        return findings.result(listed.size() + " file(s) with the SHA-256 and size manifest.json states, none missing,"
                + " none extra");
    }
}
