package nl.evidencestore.infra.cli;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import nl.evidencestore.command.log.StoreCheck;
import nl.evidencestore.infra.Settings;
import nl.evidencestore.infra.StoreCheckRun;
import picocli.CommandLine.Command;

/** Re-verifies every chain, the log against the events, its tiles and checkpoints (README, Checking the store). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Re-verify the whole store: every hash chain, the log against the events, every checkpoint."
                + " Exit status 1 when anything was edited behind the store's back.")
final class Check implements Callable<Integer> {
    @Override
    public Integer call() {
        List<StoreCheck.Result> results;
        try {
            results = StoreCheckRun.run(Settings.fromEnvironment());
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println("check refused or failed: " + e.getMessage());
            return 2;
        }
        boolean failed = false;
        for (StoreCheck.Result result : results) {
            System.out.printf("%-60s %s (%,d checked)%n", result.area(),
                    result.failed() ? "FAIL: " + result.failures() + " found" : "PASS", result.checked());
            result.examples().forEach(example -> System.out.println("    " + example));
            failed |= result.failed();
        }
        System.out.println(failed ? "CHECK FAILED: the store's records were altered" : "CHECK PASSED");
        return failed ? 1 : 0;
    }
}
