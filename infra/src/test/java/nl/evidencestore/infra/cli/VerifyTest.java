package nl.evidencestore.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.evidencestore.shared.evidence.TestBundles;
import nl.evidencestore.shared.integrity.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The verify subcommand: what it prints and the exit status an auditor's script relies on. */
class VerifyTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CommandLine(new Verify(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path bundle() throws Exception {
        return Files.write(dir.resolve("bundle.zip"), TestBundles.standard().firstAudit().zip());
    }

    private Path key(SigningKey key) throws Exception {
        return Files.writeString(dir.resolve("store.pem"), key.verificationKey().toPem());
    }

    @Test
    void passesWithTheStoresKeyAndSaysWhatWasNotChecked() throws Exception {
        assertThat(run(bundle().toString(), "--public-key", key(TestBundles.KEY).toString())).isZero();
        assertThat(printed()).contains("PASS            authenticity")
                .contains("NOT CHECKED     append-only")
                .endsWith("VERIFIED with the given public key; append-only and no fork NOT CHECKED: no --previous-checkpoint given\n");
    }

    @Test
    void exitsZeroWithoutAKeyButNeverSaysVerified() throws Exception {
        assertThat(run(bundle().toString())).isZero();
        assertThat(printed()).contains("NOT ESTABLISHED authenticity")
                .contains("INTEGRITY OK — authenticity NOT ESTABLISHED: no --public-key given")
                .doesNotContain("VERIFIED");
    }

    @Test
    void failsWithAnotherKey() throws Exception {
        assertThat(run(bundle().toString(), "--public-key", key(SigningKey.generate()).toString())).isEqualTo(Verify.FAILED);
        assertThat(printed()).contains("FAIL            authenticity").contains("VERIFICATION FAILED");
    }

    @Test
    void failsOnAFileThatIsNoZip() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
        assertThat(run(junk.toString())).isEqualTo(Verify.FAILED);
        assertThat(printed()).contains("FAIL            files — not run: the bundle cannot be read");
    }

    @Test
    void refusesAMissingBundleOrAnUnreadableKey() throws Exception {
        assertThat(run(dir.resolve("absent.zip").toString())).isEqualTo(Verify.BAD_INPUT);
        Path notAKey = Files.writeString(dir.resolve("key.pem"), "not a key");
        assertThat(run(bundle().toString(), "--public-key", notAKey.toString())).isEqualTo(Verify.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a PEM PUBLIC KEY");
    }
}
