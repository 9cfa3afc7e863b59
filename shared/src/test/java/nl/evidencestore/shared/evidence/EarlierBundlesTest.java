package nl.evidencestore.shared.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipFile;
import nl.evidencestore.shared.evidence.verify.BundleVerifier;
import nl.evidencestore.shared.evidence.verify.Check;
import nl.evidencestore.shared.evidence.verify.Checks;
import nl.evidencestore.shared.evidence.verify.Verification;
import nl.evidencestore.shared.integrity.VerificationKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle is kept for years and verified by whatever version of the verifier the auditor has:
 * bundles exported by earlier versions of the store must keep passing every check. The verifier
 * renders report.html and timeline.csv again and compares bytes, so a report that grows a
 * section for every bundle would fail each one made before it. Each file here was exported by
 * the store at the commit it names ({@code bundle-bench --events 300}) and is never regenerated.
 */
class EarlierBundlesTest {
    @TempDir
    Path dir;

    @Test
    void aBundleExportedBySession10sStoreStillPassesEveryCheck() throws IOException {
        Path bundle = copy("earlier-versions/bundle-9ea9b22.zip");

        Verification verification = BundleVerifier.verify(bundle, Optional.of(keyIn(bundle)), Optional.empty());

        assertThat(verification.checks()).as(verification.print()).noneMatch(Check::failed);
        assertThat(verification.status(Checks.AUTHENTICITY)).isEqualTo(Check.Status.PASS);
        assertThat(verification.check(Checks.REPORT).orElseThrow().status()).isEqualTo(Check.Status.PASS);
    }

    /** The key the bundle carries: this test is about the verifier's reading, not about trusting the key. */
    private static VerificationKey keyIn(Path bundle) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            return VerificationKey.fromPem(new String(zip.getInputStream(zip.getEntry(BundleWriter.PUBLIC_KEY)).readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }

    private Path copy(String resource) throws IOException {
        Path file = dir.resolve(Path.of(resource).getFileName());
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, file);
        }
        return file;
    }
}
