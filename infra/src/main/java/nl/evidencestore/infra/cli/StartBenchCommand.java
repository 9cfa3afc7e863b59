package nl.evidencestore.infra.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.evidencestore.infra.bench.ResidentMemory;
import nl.evidencestore.infra.bench.StartBench;
import nl.evidencestore.infra.bench.StoreProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** quality.md W8: the packaged store's start to ready, first and again, and its memory then. */
@Command(name = "start-bench", mixinStandardHelpOptions = true,
        description = "Benchmark W8: `java -jar` of the packaged store (embedded broker and PostgreSQL) to /health/ready,"
                + " on a new data dir and then again on it, with the resident memory of the JVM and PostgreSQL.")
final class StartBenchCommand implements Callable<Integer> {
    private static final double FIRST_TARGET_SECONDS = 30;
    private static final double AGAIN_TARGET_SECONDS = 15;
    private static final long MEMORY_TARGET_MB = 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--starts", defaultValue = "3", description = "starts, each stopped before the next: the first on a new"
            + " data dir, the others again on it (default ${DEFAULT-VALUE})")
    int starts;

    @Option(names = "--dir", description = "where the data dir and the stores' logs go; must not exist yet, so that the"
            + " first start is a first start (default: a new temporary directory)")
    Path dir;

    @Option(names = "--jar", description = "the packaged store to run (default: this jar)")
    Path jar;

    @Override
    public Integer call() throws Exception {
        if (starts < 1) {
            throw new ParameterException(spec.commandLine(), "--starts must be at least 1");
        }
        if (dir != null && Files.exists(dir)) {
            throw new ParameterException(spec.commandLine(), "--dir must not exist yet: the first start needs a new data dir");
        }
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("evidence-start");
        List<StartBench.Start> measured = StartBench.measure(jar != null ? jar : StoreProcess.runningJar(),
                work.resolve("data"), work.resolve("logs"), starts);
        measured.forEach(StartBenchCommand::print);
        System.out.println("logs of the starts: " + work.resolve("logs"));
        return 0;
    }

    private static void print(StartBench.Start start) {
        boolean first = start.number() == 1;
        System.out.printf("W8 start %d (%s): ready in %.1f s (target < %.0f s)%n", start.number(),
                first ? "a new data dir" : "again on it", start.untilReady().toMillis() / 1000.0,
                first ? FIRST_TARGET_SECONDS : AGAIN_TARGET_SECONDS);
        if (start.jvm().isEmpty() || start.postgres().isEmpty()) {
            System.out.println("   resident memory: not known on this system (it is read from Linux's /proc)");
            return;
        }
        ResidentMemory jvm = start.jvm().get();
        ResidentMemory postgres = start.postgres().get();
        System.out.printf("   resident memory then: JVM %,d MB, PostgreSQL %,d MB in %d processes; together %,d MB as RSS"
                        + " (target < %,d MB), %,d MB as PSS (shared pages counted once)%n", jvm.rssMegabytes(),
                postgres.rssMegabytes(), postgres.processes(), jvm.rssMegabytes() + postgres.rssMegabytes(),
                MEMORY_TARGET_MB, jvm.pssMegabytes() + postgres.pssMegabytes());
    }
}
