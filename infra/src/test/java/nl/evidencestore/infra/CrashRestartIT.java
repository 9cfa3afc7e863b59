package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.ChildStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the packaged store, and a restart with the same command on the same data dir:
 * the leftover PostgreSQL is dealt with, every acknowledged fact is there, nothing twice.
 */
class CrashRestartIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Pattern DOCUMENTS = Pattern.compile("(?m)^evidence_timeline_documents (\\S+)");

    @TempDir
    Path dir;

    @Test
    void acknowledgedFactsSurviveAKillAndAreAppliedOnce() {
        Path dataDir = dir.resolve("data");
        long started = System.nanoTime();
        ChildStore first = ChildStore.start(dataDir, START);
        System.out.printf("first start served HTTP after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        Api api = new Api(first.port());
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-crash", "practice-crash"));
        api.post("/api/v1/agreements/agr-crash/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
        long position = api.post("/api/v1/agreements/agr-crash/signatures", PUBLISHER,
                signature("PROCESSOR", "2026-03-05", null)).json().get("position").asLong();
        JsonNode before = stable(api.get("/api/v1/agreements/agr-crash?minPosition=" + position, SECURITY).json());
        assertThat(before.get("status").asText()).isEqualTo("EFFECTIVE");

        // Killed well within the index's commit interval: the restart must replay from Kafka.
        first.kill();

        started = System.nanoTime();
        ChildStore second = ChildStore.start(dataDir, START);
        System.out.printf("restart served HTTP after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        try {
            Api again = new Api(second.port());
            JsonNode after = stable(again.get("/api/v1/agreements/agr-crash?minPosition=" + position, SECURITY).json());
            assertThat(after).isEqualTo(before);
            // Drafted, signed twice, took effect: four events, four documents however often delivered.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(timelineDocuments(again)).isEqualTo(4));
            assertThat(again.get("/health/ready", null).status()).isEqualTo(200);
        } finally {
            second.kill();
        }
    }

    /** The answer without what differs by the moment of asking. */
    private static JsonNode stable(JsonNode state) {
        ObjectNode copy = state.deepCopy();
        copy.remove("asOf");
        copy.remove("position");
        return copy;
    }

    private static double timelineDocuments(Api api) {
        Matcher matcher = DOCUMENTS.matcher(api.get("/metrics", null).body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
