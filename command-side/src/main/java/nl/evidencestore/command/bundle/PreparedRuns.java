package nl.evidencestore.command.bundle;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import nl.evidencestore.shared.evidence.EventLine;

/**
 * The bundle's lines as {@link PreparedRun}s, in order: one thread reads the lines (the
 * database cursor is single-threaded) and cuts them into runs, a pool of {@code threads}
 * prepares runs side by side, and the caller takes them in order. At most {@code ahead} runs
 * wait, so memory stays bounded however long the chain is; a failure anywhere surfaces in
 * {@link #next()}. Close it to stop the threads.
 */
final class PreparedRuns implements Iterator<PreparedRun>, AutoCloseable {
    /** What a run becomes; called on the pool's threads with the deflaters of that thread. */
    @FunctionalInterface
    interface Preparation {
        PreparedRun prepare(List<EventLine> lines, RunDeflaters deflaters);
    }

    private static final AtomicInteger EXPORTS = new AtomicInteger();
    private static final Future<PreparedRun> END = CompletableFuture.completedFuture(null);

    private final BlockingQueue<Future<PreparedRun>> queue;
    private final ExecutorService pool;
    private final Thread reader;
    private final ConcurrentLinkedQueue<RunDeflaters> deflaters = new ConcurrentLinkedQueue<>();
    private Future<PreparedRun> ahead;

    PreparedRuns(Iterator<EventLine> lines, int runLines, int threads, int ahead, Preparation preparation) {
        int export = EXPORTS.incrementAndGet();
        this.queue = new ArrayBlockingQueue<>(ahead);
        this.pool = Executors.newFixedThreadPool(threads, named("bundle-" + export + "-prepare"));
        Function<List<EventLine>, Future<PreparedRun>> submit = run -> pool.submit(() -> {
            RunDeflaters deflater = deflaters.poll();
            deflater = deflater != null ? deflater : RunDeflaters.create();
            try {
                return preparation.prepare(run, deflater);
            } finally {
                deflaters.add(deflater);
            }
        });
        this.reader = named("bundle-" + export + "-read").newThread(() -> read(lines, runLines, submit));
        reader.start();
    }

    private void read(Iterator<EventLine> lines, int runLines, Function<List<EventLine>, Future<PreparedRun>> submit) {
        try {
            List<EventLine> run = new ArrayList<>(runLines);
            while (lines.hasNext()) {
                run.add(lines.next());
                if (run.size() == runLines) {
                    queue.put(submit.apply(run));
                    run = new ArrayList<>(runLines);
                }
            }
            if (!run.isEmpty()) {
                queue.put(submit.apply(run));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            // Closed while reading: the caller has stopped taking runs.
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    private void fail(Throwable failure) {
        try {
            queue.put(CompletableFuture.failedFuture(failure));
        } catch (InterruptedException e) {
            // Closed: nobody waits for the failure any more.
        }
    }

    @Override
    public boolean hasNext() {
        return take() != END;
    }

    @Override
    public PreparedRun next() {
        Future<PreparedRun> run = take();
        if (run == END) {
            throw new NoSuchElementException();
        }
        ahead = null;
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the bundle's lines were prepared", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("cannot prepare the bundle's lines", e.getCause());
        }
    }

    private Future<PreparedRun> take() {
        if (ahead == null) {
            try {
                ahead = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the bundle's lines were prepared", e);
            }
        }
        return ahead;
    }

    /** Stops reading and preparing, waits for the reader (it holds the cursor), frees the deflaters. */
    @Override
    public void close() throws InterruptedException {
        reader.interrupt();
        queue.clear();
        reader.join();
        pool.shutdownNow();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        deflaters.forEach(RunDeflaters::end);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
