package nl.evidencestore.infra.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.evidencestore.shared.evidence.verify.BundleVerifier;
import nl.evidencestore.shared.evidence.verify.Verification;
import nl.evidencestore.shared.integrity.VerificationKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Verifies an evidence bundle offline (evidence-bundle.md, "The verifier"): one line per check,
 * then a summary. Exit 0 when no check failed; NOT ESTABLISHED and NOT CHECKED are printed as
 * such and are not failures, but the summary never calls the bundle verified without a key.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify an evidence bundle offline; exit status 0 when no check failed.")
final class Verify implements Callable<Integer> {
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    @Parameters(index = "0", paramLabel = "<bundle.zip>", description = "The bundle to verify.")
    Path bundle;

    @Option(names = "--public-key", paramLabel = "<pem>",
            description = "The store's public key (PEM), obtained from elsewhere than the bundle.")
    Path publicKey;

    @Option(names = "--previous-checkpoint", paramLabel = "<json>",
            description = "A checkpoint (JSON) kept from an earlier audit: checks append-only and no fork.")
    Path previousCheckpoint;

    private final PrintStream out;
    private final PrintStream err;

    Verify() {
        this(System.out, System.err);
    }

    Verify(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(bundle)) {
            err.println("verify: no bundle at " + bundle);
            return BAD_INPUT;
        }
        Optional<VerificationKey> key;
        Optional<byte[]> previous;
        try {
            key = publicKey == null ? Optional.empty()
                    : Optional.of(VerificationKey.fromPem(Files.readString(publicKey, StandardCharsets.US_ASCII)));
            previous = previousCheckpoint == null ? Optional.empty() : Optional.of(Files.readAllBytes(previousCheckpoint));
        } catch (IOException | IllegalArgumentException e) {
            err.println("verify: cannot read an option's file: " + e.getMessage());
            return BAD_INPUT;
        }
        Verification verification = BundleVerifier.verify(bundle, key, previous);
        out.print(verification.print());
        return verification.failed() ? FAILED : 0;
    }
}
