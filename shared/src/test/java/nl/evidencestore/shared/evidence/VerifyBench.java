package nl.evidencestore.shared.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.zip.ZipFile;
import nl.evidencestore.shared.evidence.verify.BundleVerifier;
import nl.evidencestore.shared.evidence.verify.Verification;

/**
 * quality.md W6: the verifier's rate on a bundle against the JDK's raw SHA-256 rate over the
 * same event lines, measured in the same run. {@code VerifyBench <bundle.zip>}.
 */
public final class VerifyBench {
    private VerifyBench() {
    }

    public static void main(String[] args) throws Exception {
        Path bundle = Path.of(args[0]);
        long started = System.nanoTime();
        long cpu = cpuNanos();
        Verification verification = BundleVerifier.verify(bundle, Optional.empty(), Optional.empty());
        double verifySeconds = (System.nanoTime() - started) / 1e9;
        double verifyCpu = (cpuNanos() - cpu) / 1e9;
        System.out.print(verification.print());
        long[] lines = new long[1];
        started = System.nanoTime();
        cpu = cpuNanos();
        rawSha256(bundle, lines);
        double rawSeconds = (System.nanoTime() - started) / 1e9;
        double rawCpu = (cpuNanos() - cpu) / 1e9;
        System.out.printf("verify: %d lines in %.2f s = %.0f lines/s; raw SHA-256 of each line: %.2f s = %.0f lines/s;"
                        + " ratio %.1f %%%n", lines[0], verifySeconds, lines[0] / verifySeconds, rawSeconds,
                lines[0] / rawSeconds, 100 * rawSeconds / verifySeconds);
        // On a shared machine wall time says more about the neighbours than about the verifier.
        System.out.printf("cpu: verify %.2f s, raw SHA-256 %.2f s, ratio %.1f %%%n", verifyCpu, rawCpu, 100 * rawCpu / verifyCpu);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One SHA-256 per line of events.jsonl, on one core, as the baseline. */
    private static void rawSha256(Path bundle, long[] lines) throws IOException, java.security.NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] held = new byte[1 << 16];
        try (ZipFile zip = new ZipFile(bundle.toFile());
             InputStream in = zip.getInputStream(zip.getEntry(BundleWriter.EVENTS))) {
            byte[] buffer = new byte[1 << 16];
            int length = 0;
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    held[length++] = buffer[i];
                    if (buffer[i] == '\n') {
                        digest.update(held, 0, length);
                        digest.digest();
                        lines[0]++;
                        length = 0;
                    }
                }
            }
        }
    }
}
