package nl.evidencestore.shared.evidence.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import nl.evidencestore.shared.evidence.BundleScope;

/**
 * Reads {@code events.jsonl} once: a reader thread inflates it into chunks of whole lines
 * ({@link LineChunks}), each chunk's lines are parsed and hashed on every core
 * ({@link LineFacts}), and the caller's thread hands them on in file order to the checks that
 * need the lines before them. Reading, checking each line and
 * checking in order overlap; only a few batches are in flight, so memory stays flat however
 * long the file.
 */
final class LinePipeline {
    private static final Future<List<LineFacts>> END = CompletableFuture.completedFuture(List.of());

    private LinePipeline() {
    }

    /** Every line's facts to {@code sink}, batch by batch, in order; the number of lines read. */
    static long run(InputStream in, BundleScope scope, Consumer<List<LineFacts>> sink) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemon("verify-lines"));
        BlockingQueue<Future<List<LineFacts>>> inOrder = new ArrayBlockingQueue<>(threads * 4);
        long[] lines = new long[1];
        Thread reader = daemon("verify-read").newThread(() -> read(in, scope, workers, inOrder, lines));
        reader.start();
        try {
            for (Future<List<LineFacts>> batch = inOrder.take(); batch != END; batch = inOrder.take()) {
                sink.accept(batch.get());
            }
            return lines[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("a line could not be checked", e.getCause());
        } finally {
            reader.interrupt();
            workers.shutdownNow();
        }
    }

    /** On the reader thread: every chunk of lines to the workers, and its result to the queue in file order. */
    private static void read(InputStream in, BundleScope scope, ExecutorService workers,
                             BlockingQueue<Future<List<LineFacts>>> inOrder, long[] lines) {
        try {
            LineChunks chunks = new LineChunks(in);
            long number = 0;
            for (LineChunks.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                inOrder.put(submit(workers, number + 1, chunk, scope));
                number += chunk.lines();
            }
            lines[0] = number;
            inOrder.put(END);
        } catch (IOException e) {
            failed(inOrder, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void failed(BlockingQueue<Future<List<LineFacts>>> inOrder, IOException e) {
        try {
            inOrder.put(CompletableFuture.failedFuture(new UncheckedIOException(e)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Future<List<LineFacts>> submit(ExecutorService workers, long firstNumber, LineChunks.Chunk chunk,
                                                  BundleScope scope) {
        return workers.submit(() -> facts(firstNumber, chunk, scope));
    }

    /**
     * A chunk's facts, as {@link LineFacts#of} gives them line by line. The thread's plain reader
     * is called from this loop itself, not through {@code LineFacts.of}: every method that runs once
     * per line becomes a root that the JIT compiles with all it inlines, and two thin ones above
     * the reader made it compile the whole line path three times over in a fresh JVM.
     */
    private static List<LineFacts> facts(long firstNumber, LineChunks.Chunk chunk, BundleScope scope) {
        PlainAccessLine plain = PlainAccessLine.ofThisThread();
        byte[] bytes = chunk.bytes();
        List<LineFacts> facts = new ArrayList<>(chunk.lines());
        for (int i = 0; i < chunk.lines(); i++) {
            long number = firstNumber + i;
            LineFacts read = plain.read(number, bytes, chunk.from(i), chunk.to(i), scope);
            facts.add(read != null ? read : GeneralLine.facts(number, bytes, chunk.from(i), chunk.to(i), scope));
        }
        return facts;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
