package nl.evidencestore.shared.evidence;

import java.util.List;
import java.util.Objects;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;

/**
 * {@code manifest.json}: what the bundle is, what it covers, how many lines of each kind it
 * holds, the checkpoint it is proven in, and every other file with its SHA-256 and size
 * (docs/evidence-format.md §3). Instants are strings in the one fixed-width form.
 */
public record Manifest(String format, String bundleId, String createdAt, String createdBy, Scope scope,
                       Counts counts, CheckpointRef checkpoint, List<FileEntry> files) {
    public static final String FORMAT = "evidence-bundle/1";

    public record Scope(String agreementId, String controllerId, String from, String to) {
    }

    public record Counts(long events, long inPeriod, long stubs, long lateArrivals, long streams) {
    }

    public record CheckpointRef(long treeSize, String rootHash) {
    }

    public record FileEntry(String name, String sha256, long size) {
    }

    public Manifest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(checkpoint, "checkpoint");
        files = List.copyOf(Objects.requireNonNull(files, "files"));
    }

    public static Manifest of(BundleScope scope, Counts counts, CheckpointRef checkpoint, List<FileEntry> files) {
        return new Manifest(FORMAT, scope.bundleId(), EventHash.format(scope.createdAt()), scope.createdBy(),
                new Scope(scope.agreementId().value(), scope.controllerId().value(), EventHash.format(scope.from()),
                        EventHash.format(scope.to())), counts, checkpoint, files);
    }

    /** The exact bytes of {@code manifest.json}, the ones {@code manifest.sig} signs. */
    public byte[] toJson() {
        return Json.canonical(this);
    }

    /** Reads {@code manifest.json}; unknown or missing fields are refused with the reason. */
    public static Manifest parse(byte[] json) {
        Manifest manifest;
        try {
            manifest = Json.read(json, Manifest.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("manifest.json is not a manifest: " + rootCause(e).getMessage());
        }
        if (!FORMAT.equals(manifest.format())) {
            throw new IllegalArgumentException("manifest.json has format " + manifest.format() + ", not " + FORMAT);
        }
        return manifest;
    }

    /** The bundle's scope as the manifest states it. */
    public BundleScope bundleScope() {
        return new BundleScope(bundleId, AgreementId.of(scope.agreementId()),
                ControllerId.of(scope.controllerId()), EventHash.parse(scope.from()),
                EventHash.parse(scope.to()), EventHash.parse(createdAt), createdBy);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
