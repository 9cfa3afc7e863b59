package nl.evidencestore.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import nl.evidencestore.shared.evidence.verify.BundleVerifier;
import nl.evidencestore.shared.evidence.verify.Verification;
import nl.evidencestore.shared.integrity.VerificationKey;
import nl.evidencestore.shared.json.Json;

/**
 * What the store holds, held to what it acknowledged: every acknowledged access once in the
 * event store (read through the stored-events API) and once in the timeline, nothing else; and
 * every agreement's bundle verifying offline with the store's key.
 */
public final class Reconciliation {
    private static final int EVENTS_PAGE = 10_000;
    private static final int TIMELINE_PAGE = 1_000;
    private final AccessLoad api;
    private final List<String> agreements;
    private final long acknowledged;

    /** Accesses 0 to {@code acknowledged - 1} of {@code api}'s load were acknowledged. */
    public Reconciliation(AccessLoad api, List<String> agreements, long acknowledged) {
        this.api = api;
        this.agreements = agreements;
        this.acknowledged = acknowledged;
    }

    /** How a place compares with the acknowledged accesses. */
    public record Tally(long acknowledged, long found, long lost, long duplicated, long unexpected) {
        public boolean holds() {
            return lost == 0 && duplicated == 0 && unexpected == 0 && found == acknowledged;
        }

        public String describe() {
            return String.format("%,d of %,d acknowledged accesses, %,d lost, %,d duplicated, %,d never acknowledged",
                    found, acknowledged, lost, duplicated, unexpected);
        }
    }

    /** The event store: every agreement's stored events, page by page, its AccessRecorded events counted by access id. */
    public Tally eventStore() throws IOException, InterruptedException {
        Map<String, Integer> seen = new HashMap<>();
        for (String agreement : agreements) {
            for (long from = 0; from >= 0; ) {
                JsonNode page = Json.mapper().readTree(api.get("/api/v1/agreements/" + encode(agreement)
                        + "/events?fromSequence=" + from + "&limit=" + EVENTS_PAGE));
                for (JsonNode event : page.get("events")) {
                    if ("AccessRecorded".equals(event.get("type").asText())) {
                        seen.merge(event.get("payload").get("accessId").asText(), 1, Integer::sum);
                    }
                }
                from = page.hasNonNull("nextSequence") ? page.get("nextSequence").asLong() : -1;
            }
        }
        return tally(seen);
    }

    /** The timeline, once it has applied {@code position}: every agreement's accesses, page by page. */
    public Tally timeline(long position) throws IOException, InterruptedException {
        Map<String, Integer> seen = new HashMap<>();
        for (String agreement : agreements) {
            String cursor = null;
            do {
                JsonNode page = Json.mapper().readTree(api.get("/api/v1/timeline?agreementId=" + encode(agreement)
                        + "&limit=" + TIMELINE_PAGE + "&minPosition=" + position
                        + (cursor == null ? "" : "&cursor=" + encode(cursor))));
                page.get("items").forEach(item -> seen.merge(item.get("accessId").asText(), 1, Integer::sum));
                cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            } while (cursor != null);
        }
        return tally(seen);
    }

    /** Every agreement exported as an auditor would and verified offline; the bundles that failed, with what failed. */
    public List<String> bundles(Path dir) throws IOException, InterruptedException {
        VerificationKey key = VerificationKey.fromPem(api.get("/api/v1/public-key"));
        Files.createDirectories(dir);
        List<String> failures = new ArrayList<>();
        for (String agreement : agreements) {
            JsonNode exported = Json.mapper().readTree(api.post("/api/v1/evidence-bundles", new String(Json.write(Map.of(
                    "agreementId", agreement, "from", "2000-01-01T00:00:00Z", "to", Instant.now().toString())),
                    StandardCharsets.UTF_8)));
            Path zip = dir.resolve(exported.get("bundleId").asText() + ".zip");
            Files.write(zip, api.download("/api/v1/evidence-bundles/" + exported.get("bundleId").asText()));
            Verification verified = BundleVerifier.verify(zip, Optional.of(key), Optional.empty());
            if (verified.failed()) {
                failures.add(agreement + ":\n" + verified.print());
            }
        }
        return failures;
    }

    private Tally tally(Map<String, Integer> seen) {
        return tally(acknowledged, api::accessId, seen);
    }

    /** Accesses {@code 0 .. acknowledged - 1}, named by {@code ids}, against how often each id was {@code seen}. */
    static Tally tally(long acknowledged, IntFunction<String> ids, Map<String, Integer> seen) {
        Map<String, Integer> left = new HashMap<>(seen);
        long found = 0;
        long duplicated = 0;
        long lost = 0;
        for (int i = 0; i < acknowledged; i++) {
            Integer times = left.remove(ids.apply(i));
            if (times == null) {
                lost++;
            } else {
                found++;
                duplicated += times - 1;
            }
        }
        long unexpected = left.values().stream().mapToLong(Integer::longValue).sum();
        return new Tally(acknowledged, found, lost, duplicated, unexpected);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
