package nl.evidencestore.shared.evidence.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import nl.evidencestore.shared.evidence.BundleScope;

/**
 * Reads {@code events.jsonl} once: batches of lines are parsed and hashed on every core
 * ({@link LineFacts}), and handed on in file order to the checks that need the lines before
 * them. Only a few batches are in flight, so memory stays flat however long the file.
 */
final class LinePipeline {
    private static final int BATCH = 512;

    private LinePipeline() {
    }

    /** Every line's facts to {@code sink}, batch by batch, in order; the number of lines read. */
    static long run(InputStream in, BundleScope scope, Consumer<List<LineFacts>> sink) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "verify-lines");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ArrayDeque<Future<List<LineFacts>>> inFlight = new ArrayDeque<>();
            LineReader reader = new LineReader(in);
            long number = 0;
            List<byte[]> batch = new ArrayList<>(BATCH);
            for (byte[] raw = reader.next(); raw != null; raw = reader.next()) {
                number++;
                batch.add(raw);
                if (batch.size() == BATCH) {
                    inFlight.add(submit(workers, number - BATCH + 1, batch, scope));
                    batch = new ArrayList<>(BATCH);
                    if (inFlight.size() > threads * 2) {
                        drain(inFlight.poll(), sink);
                    }
                }
            }
            if (!batch.isEmpty()) {
                inFlight.add(submit(workers, number - batch.size() + 1, batch, scope));
            }
            while (!inFlight.isEmpty()) {
                drain(inFlight.poll(), sink);
            }
            return number;
        } finally {
            workers.shutdownNow();
        }
    }

    private static Future<List<LineFacts>> submit(ExecutorService workers, long firstNumber, List<byte[]> lines,
                                                  BundleScope scope) {
        return workers.submit(() -> {
            List<LineFacts> facts = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                facts.add(LineFacts.of(firstNumber + i, lines.get(i), scope));
            }
            return facts;
        });
    }

    private static void drain(Future<List<LineFacts>> batch, Consumer<List<LineFacts>> sink) {
        try {
            sink.accept(batch.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a line could not be checked", e.getCause());
        }
    }
}
