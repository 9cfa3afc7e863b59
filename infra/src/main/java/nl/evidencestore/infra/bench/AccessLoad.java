package nl.evidencestore.infra.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import nl.evidencestore.shared.json.Json;

/**
 * W1's client: drafts and signs the agreements, then posts accesses (≈350-byte JSON each, one
 * in ten naming a subject not seen before) in batches over a few connections, as internal
 * systems would.
 */
public final class AccessLoad {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    /** The outcome: how many were accepted, how long it took, and the highest position answered. */
    public record Result(long accepted, Duration elapsed, long lastPosition, String probeAgreement) {
        public double rate() {
            return accepted / (elapsed.toNanos() / 1e9);
        }
    }

    public AccessLoad(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public List<String> agreements(int count) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "load-" + run + "-agr-" + i;
            post("/api/v1/agreements", Json.write(java.util.Map.of(
                    "agreementId", id,
                    "controller", java.util.Map.of("id", "load-practice-" + i, "name", "Praktijk " + i,
                            "address", "Straat " + i, "representative", "Tandarts " + i),
                    "processor", java.util.Map.of("name", "Citodent Imaging B.V.", "address", "Amstel 312, Amsterdam",
                            "representative", "P. Reijers"),
                    "documentSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    "version", "2025-11-06",
                    "dataCategories", List.of("SURNAME", "DATE_OF_BIRTH", "BSN", "DENTAL_PHOTOS"),
                    "purposes", List.of("REMOTE_SUPPORT", "DATABASE_CONVERSION"),
                    "subProcessors", List.of())));
            for (String party : List.of("CONTROLLER", "PROCESSOR")) {
                post("/api/v1/agreements/" + id + "/signatures", Json.write(java.util.Map.of("party", party,
                        "signatory", "Signatory", "place", "Amsterdam", "signedOn", "2025-12-01")));
            }
            ids.add(id);
        }
        return ids;
    }

    public Result post(List<String> agreements, int accesses, int batchSize, int connections) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong lastPosition = new AtomicLong();
        int batches = (accesses + batchSize - 1) / batchSize;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                workers.add(pool.submit(() -> {
                    for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                        int from = b * batchSize;
                        int size = Math.min(batchSize, accesses - from);
                        long position = postBatch(batch(agreements, from, size));
                        accepted.addAndGet(size);
                        lastPosition.accumulateAndGet(position, Math::max);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(accepted.get(), Duration.ofNanos(System.nanoTime() - started), lastPosition.get(),
                agreements.get(0));
    }

    /**
     * W3's background: posts batches from access number {@code first} on, each no earlier than
     * its share of {@code perSecond} allows, until {@code runFor} has passed.
     */
    public Result postPaced(List<String> agreements, int first, double perSecond, int batchSize, int connections,
                            Duration runFor) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong lastPosition = new AtomicLong();
        long nanosPerBatch = (long) (batchSize * 1e9 / perSecond);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        long until = started + runFor.toNanos();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                workers.add(pool.submit(() -> {
                    for (int b = next.getAndIncrement(); ; b = next.getAndIncrement()) {
                        long due = started + b * nanosPerBatch;
                        if (due >= until) {
                            return null;
                        }
                        // Pacing, not waiting for a condition: the batch is simply not due yet.
                        LockSupport.parkNanos(due - System.nanoTime());
                        long position = postBatch(batch(agreements, first + b * batchSize, batchSize));
                        accepted.addAndGet(batchSize);
                        lastPosition.accumulateAndGet(position, Math::max);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(accepted.get(), Duration.ofNanos(System.nanoTime() - started), lastPosition.get(),
                agreements.get(0));
    }

    /** Waits until the projections have applied {@code position}; returns how long that took. */
    public Duration untilApplied(String agreementId, long position) throws IOException, InterruptedException {
        long started = System.nanoTime();
        while (true) {
            HttpResponse<String> response = client.send(request("/api/v1/agreements/" + agreementId
                    + "?minPosition=" + position).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            if (response.statusCode() != 503) {
                throw new IllegalStateException("readiness probe answered " + response.statusCode());
            }
        }
    }

    /** Access {@code i} as one JSON object (the ids depend on this load's run, so runs never collide). */
    public String access(List<String> agreements, int i) {
        String batch = batch(agreements, i, 1);
        return batch.substring(1, batch.length() - 1);
    }

    /** The id of access {@code i} of this load. */
    public String accessId(int i) {
        return run + "-acc-" + i;
    }

    /** Accesses {@code from} to {@code from + size - 1} as one JSON array, the body of one request. */
    public String batch(List<String> agreements, int from, int size) {
        StringBuilder json = new StringBuilder(size * 360).append('[');
        Instant base = Instant.parse("2026-03-01T08:00:00Z");
        for (int i = from; i < from + size; i++) {
            if (i > from) {
                json.append(',');
            }
            // One in ten names a subject not seen before; the rest come back to a pool of regulars.
            String subject = i % 10 == 0 ? "subject-" + run + "-" + i : "subject-regular-" + (i % 5_000);
            json.append("{\"accessId\":\"").append(accessId(i))
                    .append("\",\"agreementId\":\"").append(agreements.get(i % agreements.size()))
                    .append("\",\"actor\":{\"id\":\"support-robot-").append(i % 20).append("\",\"kind\":\"SYSTEM\"}")
                    .append(",\"purpose\":\"").append(i % 7 == 0 ? "DATABASE_CONVERSION" : "REMOTE_SUPPORT")
                    .append("\",\"instructionRef\":\"ZD-").append(100_000 + i / 100)
                    .append("\",\"categories\":[\"SURNAME\",\"DATE_OF_BIRTH\",\"DENTAL_PHOTOS\"]")
                    .append(",\"subjectRef\":\"").append(subject)
                    .append("\",\"country\":\"NL\",\"system\":\"visiquick-remote-support-console\",\"occurredAt\":\"")
                    .append(base.plusSeconds(i)).append("\"}");
        }
        return json.append(']').toString();
    }

    /**
     * Posts a batch and reads only its position from the answer: the answer's thousand results
     * are the client's business, not the store's, and a tree of them cost this JVM (which the
     * benchmark charges) more than sending the batch.
     */
    private long postBatch(String body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request("/api/v1/access-events")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("/api/v1/access-events answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return position(response.body());
    }

    /** The top-level {@code position} of an access-events answer, read without building the rest. */
    static long position(byte[] answer) throws IOException {
        try (JsonParser json = Json.mapper().getFactory().createParser(answer)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("the answer is not an object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                if (name.equals("position")) {
                    return json.getLongValue();
                }
                json.skipChildren();
            }
        }
        throw new IllegalStateException("the answer holds no position");
    }

    private String post(String path, byte[] body) throws IOException, InterruptedException {
        return post(path, new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** GETs as the load's ADMIN; anything but 200 is an exception. */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** GETs as the load's ADMIN: the body on 200, null on 503 (not applied yet), an exception otherwise. */
    public String getOrNull(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** POSTs JSON as the load's ADMIN; anything but 200 or 201 is an exception. */
    public String post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path, body);
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** POSTs JSON as the load's ADMIN and returns the answer, whatever its status. */
    public HttpResponse<String> send(String path, String body) throws IOException, InterruptedException {
        return client.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs as the load's ADMIN, the body as bytes (a bundle); anything but 200 is an exception. */
    public byte[] download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(600))
                .header("Authorization", "Bearer " + token);
    }
}
