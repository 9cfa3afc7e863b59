package nl.evidencestore.infra.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM and by the PostgreSQL server's processes over a stretch of a
 * benchmark: what the work cost, whatever else the machine was running at the time. Rates on a
 * shared machine vary with the neighbours; CPU per item hardly does.
 */
public final class CpuMeter {
    private final Optional<ProcessHandle> postgres;
    private final Duration jvmAtStart;
    private final Duration postgresAtStart;
    private final long compilingAtStart;

    private CpuMeter(Optional<ProcessHandle> postgres) {
        this.postgres = postgres;
        this.jvmAtStart = jvm();
        this.postgresAtStart = postgres();
        this.compilingAtStart = compilingMillis();
    }

    /** Starts measuring now; without a server process, only the JVM is measured. */
    public static CpuMeter start(Optional<ProcessHandle> postgresServer) {
        return new CpuMeter(postgresServer);
    }

    /** CPU used since the start, split by process, and how long the JVM's JIT compilers worked meanwhile. */
    public record Usage(Duration jvm, Duration postgres, Duration compiling) {
        /** One line for a run's report, in microseconds of CPU per item. */
        public String perItem(long items, String item) {
            return String.format("CPU per %s: %.0f µs in the store's JVM (load generator included; its JIT compilers"
                    + " worked %.1f s meanwhile), %.0f µs in PostgreSQL", item, jvm.toNanos() / 1000.0 / items,
                    compiling.toMillis() / 1000.0, postgres.toNanos() / 1000.0 / items);
        }
    }

    public Usage stop() {
        return new Usage(jvm().minus(jvmAtStart), postgres().minus(postgresAtStart),
                Duration.ofMillis(compilingMillis() - compilingAtStart));
    }

    /**
     * How long this JVM's JIT compilers have worked, summed over their threads; 0 where the JVM
     * does not say. Wall time of each compilation, not CPU: on a busy machine a compiler thread
     * waits for a core too. A fresh JVM compiles the code it runs while it runs it, on the same cores.
     */
    private static long compilingMillis() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
    }

    private static Duration jvm() {
        return cpu(ProcessHandle.current());
    }

    /** The server and its backends; a backend that exited meanwhile takes its share with it. */
    private Duration postgres() {
        return postgres.map(server -> Stream.concat(Stream.of(server), server.descendants())
                .map(CpuMeter::cpu).reduce(Duration.ZERO, Duration::plus)).orElse(Duration.ZERO);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
