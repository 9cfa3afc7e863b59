package nl.evidencestore.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import nl.evidencestore.shared.json.Json;

/**
 * W1's load as a client that must not lose what it sent: each batch is posted again and again
 * until the store acknowledges it, through kills and outages. A batch whose request died with
 * the store may or may not have been committed; posting it again must then answer every access
 * as {@code repeated}, never record it twice. Batches are taken in order, and a batch once taken
 * is seen through, so the acknowledged accesses are exactly numbers 0 to {@link #acknowledged()} - 1.
 */
public final class ResilientLoad {
    private static final long RETRY_NANOS = Duration.ofMillis(100).toNanos();
    private final AccessLoad api;
    private final List<String> agreements;
    private final int batchSize;
    private final Duration giveUpAfter;
    private final AtomicInteger nextBatch = new AtomicInteger();
    private final AtomicInteger acknowledgedBatches = new AtomicInteger();
    private final Map<String, AtomicLong> retries = new ConcurrentSkipListMap<>();
    private final AtomicLong repeated = new AtomicLong();
    private final AtomicLong highestPosition = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Future<?>> workers = new ArrayList<>();
    private ExecutorService pool;

    /** What the load sent and what the store answered. */
    public record Outcome(long acknowledged, Map<String, Long> retries, long repeated, long highestPosition) {
        /** Requests posted again, in all. */
        public long retried() {
            return retries.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** {@code giveUpAfter}: how long one batch may go unacknowledged before the run fails. */
    public ResilientLoad(AccessLoad api, List<String> agreements, int batchSize, Duration giveUpAfter) {
        this.api = api;
        this.agreements = agreements;
        this.batchSize = batchSize;
        this.giveUpAfter = giveUpAfter;
    }

    /** Starts posting on {@code connections} connections, until {@link #stop()}. */
    public void start(int connections) {
        pool = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            workers.add(pool.submit(() -> {
                while (!stopping.get()) {
                    postUntilAcknowledged(nextBatch.getAndIncrement());
                }
                return null;
            }));
        }
    }

    /** Accesses acknowledged so far (batches finish out of order, so this is a count, not a prefix, until the end). */
    public long acknowledged() {
        return (long) acknowledgedBatches.get() * batchSize;
    }

    /** Takes no new batch, sees the ones taken through, and reports. */
    public Outcome stop() throws InterruptedException, ExecutionException {
        stopping.set(true);
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> why = new TreeMap<>();
        retries.forEach((problem, count) -> why.put(problem, count.get()));
        return new Outcome(acknowledged(), why, repeated.get(), highestPosition.get());
    }

    private void postUntilAcknowledged(int batch) throws InterruptedException {
        String body = api.batch(agreements, batch * batchSize, batchSize);
        long giveUpAt = System.nanoTime() + giveUpAfter.toNanos();
        while (true) {
            String problem;
            String kind;
            try {
                HttpResponse<String> response = api.send("/api/v1/access-events", body);
                if (response.statusCode() == 200 || response.statusCode() == 201) {
                    acknowledge(Json.mapper().readTree(response.body()));
                    return;
                }
                if (response.statusCode() < 500) {
                    throw new IllegalStateException("the store refused batch " + batch + " with "
                            + response.statusCode() + ": " + response.body());
                }
                problem = "answered " + response.statusCode() + ": " + response.body();
                kind = "HTTP " + response.statusCode();
            } catch (IOException e) {
                problem = e.toString();
                kind = e.getClass().getSimpleName();
            }
            retries.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            if (System.nanoTime() > giveUpAt) {
                throw new IllegalStateException("batch " + batch + " was not acknowledged within " + giveUpAfter
                        + "; last: " + problem);
            }
            // The store is down or restarting: try again shortly, as a real publisher would.
            LockSupport.parkNanos(RETRY_NANOS);
        }
    }

    private void acknowledge(JsonNode answer) {
        highestPosition.accumulateAndGet(answer.get("position").asLong(), Math::max);
        for (JsonNode result : answer.get("results")) {
            if (result.path("repeated").asBoolean()) {
                repeated.incrementAndGet();
            }
        }
        acknowledgedBatches.incrementAndGet();
    }
}
