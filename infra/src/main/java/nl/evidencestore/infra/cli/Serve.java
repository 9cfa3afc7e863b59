package nl.evidencestore.infra.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import nl.evidencestore.infra.DatabaseLease;
import nl.evidencestore.infra.EvidenceStore;
import nl.evidencestore.infra.Settings;
import nl.evidencestore.infra.embedded.DataDirectoryInUse;
import picocli.CommandLine.Command;

/** Runs the store until the process is stopped; configuration per the README's table. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the store: embedded broker and PostgreSQL unless configured otherwise.")
final class Serve implements Callable<Integer> {
    /** Exit status when another store holds, or took, the lease on the database, or holds the data directory. */
    static final int IN_USE_BY_ANOTHER_STORE = 2;

    @Override
    public Integer call() {
        EvidenceStore store;
        try {
            store = EvidenceStore.start(Settings.fromEnvironment());
        } catch (DatabaseLease.Refused | DataDirectoryInUse e) {
            // An operator's mistake, not a fault: the message says it all, no stack trace.
            System.err.println("evidence store not started: " + e.getMessage());
            return IN_USE_BY_ANOTHER_STORE;
        }
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            exit.complete(0);
        }, "evidence-shutdown"));
        store.leaseTakenByAnother().thenRun(() -> exit.complete(IN_USE_BY_ANOTHER_STORE));
        return exit.join();
    }
}
