package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.SharedInfrastructure;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.kafka.TopicNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quality.md W7: a rebuild from offset 0 ends with the same index the live store has. */
class RebuildIT {
    private static final Api api = StoreUnderTest.api();
    private static final List<String> AGREEMENTS = List.of("agr-rebuild-1", "agr-rebuild-2");
    private static final int BATCHES = 10;
    private static final int PER_BATCH = 500;

    @BeforeAll
    static void agreementsAndAccesses() {
        for (String agreement : AGREEMENTS) {
            api.post("/api/v1/agreements", PUBLISHER, draft(agreement, "practice-" + agreement));
            api.post("/api/v1/agreements/" + agreement + "/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
            api.post("/api/v1/agreements/" + agreement + "/signatures", PUBLISHER, signature("PROCESSOR", "2026-03-05", null));
        }
        long position = 0;
        for (int b = 0; b < BATCHES; b++) {
            int batch = b;
            String body = IntStream.range(0, PER_BATCH)
                    .mapToObj(i -> access("acc-rebuild-" + batch + "-" + i, AGREEMENTS.get(i % AGREEMENTS.size())))
                    .collect(Collectors.joining(",", "[", "]"));
            Api.Response response = api.post("/api/v1/access-events", PUBLISHER, body);
            assertThat(response.status()).isEqualTo(201);
            position = response.json().get("position").asLong();
        }
        // minPosition waits until the projections applied everything posted.
        assertThat(api.get("/api/v1/agreements/" + AGREEMENTS.get(0) + "?minPosition=" + position, SECURITY).status())
                .isEqualTo(200);
    }

    private static String access(String id, String agreement) {
        return """
                {"accessId":"%s","agreementId":"%s","actor":{"id":"robot-7","kind":"SYSTEM"},"purpose":"REMOTE_SUPPORT",
                 "instructionRef":"ticket-1","categories":["SURNAME"],"subjectRef":"patient-4711","country":"NL",
                 "system":"remote-support","occurredAt":"2026-04-01T09:00:00Z"}
                """.formatted(id, agreement);
    }

    private static long liveTimelineDocuments() {
        return api.get("/metrics", null).body().lines()
                .filter(line -> line.startsWith("evidence_timeline_documents"))
                .map(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    @Test
    void aRebuildFromOffsetZeroHoldsWhatTheLiveIndexHolds(@TempDir Path dir) {
        String events = StoreUnderTest.topics().events();

        ProjectionRebuild.Result result = ProjectionRebuild.into(dir.resolve("index"), SharedInfrastructure.kafkaConnection(),
                events, ProjectionRebuild.Progress.NONE);

        System.out.printf("RebuildIT: %,d documents from %,d events in %d ms: %,.0f events/s%n", result.documents(),
                result.events(), result.elapsed().toMillis(), result.eventsPerSecond());
        assertThat(result.documents()).isEqualTo(liveTimelineDocuments()).isGreaterThanOrEqualTo(BATCHES * PER_BATCH);
        try (TimelineIndex rebuilt = TimelineIndex.open(dir.resolve("index"))) {
            assertThat(rebuilt.documentCount()).isEqualTo(result.documents());
            assertThat(rebuilt.committedOffset()).hasValue(result.events());
            // Other test classes share this store and its topic: only this class's agreements are counted.
            List<ForwardedEvent> drafted = ours(rebuilt.storedEventsOfType(Set.of(EventTypes.nameOf(AgreementDrafted.class))));
            assertThat(drafted).hasSize(AGREEMENTS.size());
            for (String agreement : AGREEMENTS) {
                assertThat(drafted).anySatisfy(event -> assertThat(event.streamId()).contains(agreement));
            }
            List<ForwardedEvent> accesses = ours(rebuilt.storedEventsOfType(Set.of(EventTypes.nameOf(AccessRecorded.class))));
            assertThat(accesses).hasSize(BATCHES * PER_BATCH);
            assertThat(accesses).extracting(ForwardedEvent::eventId).doesNotHaveDuplicates();
        }
        assertThat(api.get("/api/v1/agreements/" + AGREEMENTS.get(1), SECURITY).status()).isEqualTo(200);
    }

    private static List<ForwardedEvent> ours(List<ForwardedEvent> events) {
        return events.stream().filter(event -> AGREEMENTS.contains(event.streamId())).toList();
    }

    @Test
    void theRebuiltIndexTakesThePlaceOfTheOldOneAndThePreviousIsRemoved(@TempDir Path dataDir) throws IOException {
        Settings settings = settingsOn(dataDir);
        Files.createDirectories(dataDir.resolve("index"));
        Files.writeString(dataDir.resolve("index").resolve("stale-marker"), "old");

        ProjectionRebuild.Result result = ProjectionRebuild.rebuild(settings, ProjectionRebuild.Progress.NONE);

        assertThat(dataDir.resolve("index").resolve("stale-marker")).doesNotExist();
        assertThat(dataDir.resolve("index.previous")).doesNotExist();
        assertThat(dataDir.resolve("index.rebuild")).doesNotExist();
        try (TimelineIndex swapped = TimelineIndex.open(dataDir.resolve("index"))) {
            assertThat(swapped.documentCount()).isEqualTo(result.documents());
        }
    }

    @Test
    void aRebuildIsRefusedWhileTheIndexIsInUse(@TempDir Path dataDir) {
        try (TimelineIndex inUse = TimelineIndex.open(dataDir.resolve("index"))) {
            assertThatThrownBy(() -> ProjectionRebuild.rebuild(settingsOn(dataDir), ProjectionRebuild.Progress.NONE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("appears to be running");
        }
        assertThat(dataDir.resolve("index.rebuild")).doesNotExist();
    }

    private static Settings settingsOn(Path dataDir) {
        String events = StoreUnderTest.topics().events();
        String prefix = events.substring(0, events.length() - TopicNames.DEFAULT.events().length());
        return Settings.from(Map.of(
                "EVIDENCE_DATA_DIR", dataDir.toString(),
                "EVIDENCE_KAFKA_BOOTSTRAP", SharedInfrastructure.kafkaBootstrap(),
                "EVIDENCE_TOPIC_PREFIX", prefix));
    }
}
