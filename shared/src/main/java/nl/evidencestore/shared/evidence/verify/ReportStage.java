package nl.evidencestore.shared.evidence.verify;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.report.ReportFigures;

/**
 * Feeds {@link ReportFigures} on a thread of its own, batch by batch in file order, so that
 * reading every event once more for the report does not hold up the checks in order.
 */
final class ReportStage {
    private static final List<LineFacts> END = List.of();
    private final ReportFigures figures;
    private final BlockingQueue<List<LineFacts>> batches = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    private volatile RuntimeException failure;

    ReportStage(BundleScope scope) {
        this.figures = new ReportFigures(scope);
        this.thread = new Thread(this::run, "verify-report");
        thread.setDaemon(true);
        thread.start();
    }

    void accept(List<LineFacts> batch) {
        try {
            batches.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying", e);
        }
    }

    /** The figures once every batch is in; a failure to read a line is rethrown here. */
    ReportFigures finish() {
        accept(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying", e);
        }
        if (failure != null) {
            throw failure;
        }
        return figures;
    }

    /** Ends the thread when verification stopped before {@link #finish}; harmless after it. */
    void stop() {
        thread.interrupt();
    }

    private void run() {
        try {
            for (List<LineFacts> batch = batches.take(); batch != END; batch = batches.take()) {
                if (failure == null) {
                    accept(figures, batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The event as the workers decoded it: the figures never decode a line again. */
    private static void accept(ReportFigures to, LineFacts facts) {
        if (facts.undecodable() != null && facts.event() == null && EventTypes.classOf(facts.envelope().type()).isPresent()) {
            throw new IllegalArgumentException(facts.where() + ": " + facts.undecodable());
        }
        to.accept(facts.envelope(), facts.isStub(), Optional.ofNullable(facts.event()));
    }

    private void accept(ReportFigures to, List<LineFacts> batch) {
        try {
            for (LineFacts facts : batch) {
                if (facts.parsed()) {
                    accept(to, facts);
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }
}
