package nl.evidencestore.infra.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import nl.evidencestore.infra.EvidenceStore;
import nl.evidencestore.infra.Settings;
import picocli.CommandLine.Command;

/** Runs the store until the process is stopped; configuration per the README's table. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the store: embedded broker and PostgreSQL unless configured otherwise.")
final class Serve implements Callable<Integer> {
    @Override
    public Integer call() throws InterruptedException {
        EvidenceStore store = EvidenceStore.start(Settings.fromEnvironment());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "evidence-shutdown"));
        stopped.await();
        return 0;
    }
}
