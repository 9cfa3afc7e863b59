package nl.evidencestore.infra.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import nl.evidencestore.infra.ProjectionRebuild;
import nl.evidencestore.infra.Settings;
import picocli.CommandLine.Command;

/** Rebuilds every projection from the events topic; the store must be stopped (README, Rebuilding projections). */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Rebuild every projection from the Kafka events topic from offset 0 (stop the store first).")
final class Rebuild implements Callable<Integer> {
    @Override
    public Integer call() {
        Settings settings = Settings.fromEnvironment();
        System.out.println("Rebuilding the projections in " + settings.dataDir().resolve("index")
                + " from " + settings.topics().events());
        try {
            ProjectionRebuild.rebuild(settings, System.console() != null ? new Bar() : new Lines());
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("rebuild refused or failed: " + e.getMessage());
            return 1;
        }
    }

    private static void summary(ProjectionRebuild.Result result) {
        System.out.printf("rebuilt: %,d documents indexed from %,d events in %.1f s (%,.0f events/s)%n",
                result.documents(), result.events(), result.elapsed().toMillis() / 1000.0, result.eventsPerSecond());
    }

    /** On a terminal: a bar with rate and ETA. */
    private static final class Bar implements ProjectionRebuild.Progress {
        private ProgressBar bar;

        @Override
        public void started(long events) {
            bar = new ProgressBarBuilder().setTaskName("rebuild").setInitialMax(events)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" events", 1).showSpeed().build();
        }

        @Override
        public void advanced(long eventsApplied) {
            bar.stepTo(eventsApplied);
        }

        @Override
        public void finished(ProjectionRebuild.Result result) {
            bar.close();
            summary(result);
        }
    }

    /** Elsewhere (logs, pipes): one plain line every few seconds. */
    private static final class Lines implements ProjectionRebuild.Progress {
        private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
        private long total;
        private long started;
        private long lastLine;

        @Override
        public void started(long events) {
            total = events;
            started = System.nanoTime();
            lastLine = started;
            System.out.printf("rebuild: %,d events to apply%n", events);
        }

        @Override
        public void advanced(long eventsApplied) {
            long now = System.nanoTime();
            if (now - lastLine < EVERY_NANOS) {
                return;
            }
            lastLine = now;
            double seconds = (now - started) / 1e9;
            double rate = eventsApplied / Math.max(seconds, 1e-9);
            double eta = rate > 0 ? (total - eventsApplied) / rate : Double.NaN;
            System.out.printf("rebuild: %,d / %,d events (%.0f %%), %,.0f events/s, ETA %.0f s%n", eventsApplied, total,
                    total == 0 ? 100.0 : 100.0 * eventsApplied / total, rate, eta);
        }

        @Override
        public void finished(ProjectionRebuild.Result result) {
            summary(result);
        }
    }
}
