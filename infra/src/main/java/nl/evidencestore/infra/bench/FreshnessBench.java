package nl.evidencestore.infra.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.evidencestore.shared.json.Json;

/**
 * quality.md W3: single accesses posted at a fixed rate, each then asked for on
 * {@code GET /api/v1/timeline} by a token only it carries, with {@code minPosition} set to the
 * position its acceptance answered; the time from the acceptance's answer to a page that holds
 * it is its freshness.
 */
public final class FreshnessBench {
    /** Enough for 200 probes a second that each wait up to a second or two for their page. */
    private static final int PROBE_THREADS = 64;

    private final AccessLoad load;
    private final String agreement;
    private final String run = Long.toString(System.nanoTime(), 36);

    /** Sorted acceptance→searchable times in nanoseconds, and probes that failed outright. */
    public record Freshness(List<Long> nanos, long failed) {
        public double percentileMillis(double p) {
            if (nanos.isEmpty()) {
                return Double.NaN;
            }
            return nanos.get(Math.max(0, (int) Math.ceil(p / 100.0 * nanos.size()) - 1)) / 1e6;
        }
    }

    public FreshnessBench(AccessLoad load, String agreement) {
        this.load = load;
        this.agreement = agreement;
    }

    /** The probes of the warm-up, which the figures leave out, and of the measured run after it. */
    public record Run(Freshness warmup, Freshness measured) {
    }

    /**
     * Posts {@code perSecond} single accesses a second for {@code warmup} and then {@code runFor},
     * each probed until searchable. The warm-up's probes run the same way but are counted apart:
     * they compile the probe's path (a single access, a search by token) while the load runs.
     */
    public Run probe(int perSecond, Duration warmup, Duration runFor) throws Exception {
        int warming = (int) (perSecond * warmup.toSeconds());
        int total = warming + (int) (perSecond * runFor.toSeconds());
        long[] nanos = new long[total];
        List<Future<?>> probes = new ArrayList<>(total);
        CountDownLatch allIssued = new CountDownLatch(total);
        ExecutorService pool = Executors.newFixedThreadPool(PROBE_THREADS);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try {
            ticker.scheduleAtFixedRate(() -> {
                int n = probes.size();
                if (n < total) {
                    probes.add(pool.submit(() -> nanos[n] = one(n)));
                    allIssued.countDown();
                }
            }, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
            if (!allIssued.await((warmup.toSeconds() + runFor.toSeconds()) * 10 + 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the probes could not be issued at " + perSecond + "/s");
            }
            ticker.shutdownNow();
            boolean[] failed = new boolean[total];
            for (int n = 0; n < total; n++) {
                try {
                    probes.get(n).get();
                } catch (ExecutionException e) {
                    failed[n] = true;
                }
            }
            return new Run(freshness(nanos, failed, 0, warming), freshness(nanos, failed, warming, total));
        } finally {
            ticker.shutdownNow();
            pool.shutdownNow();
        }
    }

    private static Freshness freshness(long[] nanos, boolean[] failed, int from, int to) {
        List<Long> sorted = new ArrayList<>(to - from);
        long failures = 0;
        for (int n = from; n < to; n++) {
            if (failed[n]) {
                failures++;
            } else {
                sorted.add(nanos[n]);
            }
        }
        Collections.sort(sorted);
        return new Freshness(sorted, failures);
    }

    /** One access: posted, then asked for until a page holds it. */
    private long one(int n) throws Exception {
        String token = "fresh" + run + "x" + n;
        String response = load.post("/api/v1/access-events", "[" + access(token, n) + "]");
        long accepted = System.nanoTime();
        long position = Json.mapper().readTree(response).get("position").asLong();
        while (true) {
            // minPosition holds the request until the position is applied; a 503 (not yet) asks again.
            String body = load.getOrNull("/api/v1/timeline?agreementId=" + agreement + "&q=" + token
                    + "&limit=1&minPosition=" + position);
            if (body != null && Json.mapper().readTree(body).get("total").asLong() == 1) {
                return System.nanoTime() - accepted;
            }
        }
    }

    private String access(String token, int n) {
        return "{\"accessId\":\"" + token + "\",\"agreementId\":\"" + agreement + "\",\"actor\":{\"id\":\"support-"
                + n % 20 + "\",\"kind\":\"SYSTEM\"},\"purpose\":\"REMOTE_SUPPORT\",\"instructionRef\":\"" + token
                + "\",\"categories\":[\"SURNAME\"],\"subjectRef\":\"subject-fresh-" + n % 100
                + "\",\"country\":\"NL\",\"system\":\"freshness-probe\",\"occurredAt\":\""
                + Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS) + "\"}";
    }
}
