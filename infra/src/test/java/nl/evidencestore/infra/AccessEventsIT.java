package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.Bundles;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.infra.support.StoredEvents;
import nl.evidencestore.shared.evidence.verify.Check;
import nl.evidencestore.shared.evidence.verify.Checks;
import nl.evidencestore.shared.evidence.verify.Verification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data accesses over HTTP: verdicts against the agreement as it stood, batches all or nothing. */
class AccessEventsIT {
    private static final Api api = StoreUnderTest.api();
    private static final String AGREEMENT = "agr-accesses";

    @TempDir
    Path directory;

    @BeforeAll
    static void effectiveAgreement() {
        api.post("/api/v1/agreements", PUBLISHER, draft(AGREEMENT, "practice-accesses"));
        api.post("/api/v1/agreements/" + AGREEMENT + "/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
        api.post("/api/v1/agreements/" + AGREEMENT + "/signatures", PUBLISHER, signature("PROCESSOR", "2026-03-05", null));
    }

    private static String access(String id, String purpose, String instruction, String occurredAt, String... categories) {
        String instructionRef = instruction == null ? "" : "\"instructionRef\":\"" + instruction + "\",";
        return """
                {"accessId":"%s","agreementId":"%s","actor":{"id":"robot-7","kind":"SYSTEM"},"purpose":"%s",%s
                 "categories":["%s"],"subjectRef":"patient-4711","country":"NL","system":"remote-support","occurredAt":"%s"}
                """.formatted(id, AGREEMENT, purpose, instructionRef, String.join("\",\"", categories), occurredAt);
    }

    private static String batch(String... items) {
        return "[" + String.join(",", items) + "]";
    }

    private static long stored() {
        return StoredEvents.count(StoreUnderTest.eventStoreUrl());
    }

    @Test
    void concurrentBatchesNamingTheSameAgreementsInDifferentOrdersAllSucceed() throws Exception {
        List<String> agreements = List.of("agr-order-a", "agr-order-b", "agr-order-c");
        agreements.forEach(id -> api.post("/api/v1/agreements", PUBLISHER, draft(id, "practice-order")));
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int b = 0; b < 24; b++) {
                int batch = b;
                statuses.add(clients.submit(() -> {
                    StringBuilder body = new StringBuilder("[");
                    for (int i = 0; i < 30; i++) {
                        String agreement = agreements.get((i + batch) % agreements.size());
                        body.append(i == 0 ? "" : ",").append(access("order-" + batch + "-" + i, "REMOTE_SUPPORT", "t",
                                "2026-04-01T09:00:00Z", "SURNAME").replace(AGREEMENT, agreement));
                    }
                    return api.post("/api/v1/access-events", PUBLISHER, body.append("]").toString()).status();
                }));
            }
            for (java.util.concurrent.Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void everyAccessIsRecordedWithItsVerdictInInputOrder() {
        Api.Response response = api.post("/api/v1/access-events", PUBLISHER, batch(
                access("acc-ok", "REMOTE_SUPPORT", "ticket-1", "2026-04-01T09:00:00Z", "SURNAME"),
                access("acc-purpose", "MARKETING", "ticket-1", "2026-04-01T09:00:00Z", "SURNAME"),
                access("acc-early", "REMOTE_SUPPORT", null, "2026-03-02T09:00:00Z", "BSN")));

        assertThat(response.status()).isEqualTo(201);
        JsonNode results = response.json().get("results");
        assertThat(results.get(0).get("accessId").asText()).isEqualTo("acc-ok");
        assertThat(results.get(0).get("verdict").asText()).isEqualTo("COMPLIANT");
        assertThat(articles(results.get(1))).containsExactly("1.3");
        assertThat(articles(results.get(2))).containsExactlyInAnyOrder("11.1", "1.1");
        assertThat(results.get(2).get("instructionVerified").asBoolean()).isFalse();
        long position = response.json().get("position").asLong();
        assertThat(api.get("/api/v1/agreements/" + AGREEMENT + "?minPosition=" + position, SECURITY).status()).isEqualTo(200);
    }

    /** Read your writes for a batch: its position is that of its last event, so minPosition waits for all of them. */
    @Test
    void aBatchAnswersThePositionOfItsLastEvent() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(access("acc-position-" + i, "REMOTE_SUPPORT", "ticket-1", "2026-04-01T09:00:00Z", "SURNAME"));
        }
        JsonNode answer = api.post("/api/v1/access-events", PUBLISHER, batch(items.toArray(String[]::new))).json();

        List<String> eventIds = new ArrayList<>();
        answer.get("results").forEach(result -> eventIds.add(result.get("eventId").asText()));
        assertThat(answer.get("position").asLong())
                .isEqualTo(Collections.max(StoredEvents.positionsOf(StoreUnderTest.eventStoreUrl(), eventIds)));
    }

    /**
     * Art. 1.1: a ticket of the practice's other agreement does not cover this one's access. The
     * verdict says so without naming that agreement, the access carries the finding, and the
     * auditor's verifier recomputes the verdict from the bundle alone. Another practice's ticket
     * numbers are its own: the same number registered there leaves the access only unverified.
     */
    @Test
    void anAccessCitingAnInstructionOfAnotherAgreementViolatesArt11WithoutNamingIt() throws IOException {
        String other = "agr-accesses-other";
        String elsewhere = "agr-accesses-elsewhere";
        api.post("/api/v1/agreements", PUBLISHER, draft(other, "practice-accesses"));
        api.post("/api/v1/agreements", PUBLISHER, draft(elsewhere, "practice-accesses-elsewhere"));
        assertThat(api.post("/api/v1/agreements/" + elsewhere + "/instructions", PUBLISHER, """
                {"instructionId":"ticket-of-elsewhere","kind":"SUPPORT_TICKET","issuedOn":"2026-03-10",
                 "purposes":["REMOTE_SUPPORT"],"categories":["SURNAME"]}""").status()).isEqualTo(201);
        JsonNode elsewhereTicket = api.post("/api/v1/access-events", PUBLISHER, access("acc-elsewhere-ticket",
                "REMOTE_SUPPORT", "ticket-of-elsewhere", "2026-04-02T09:00:00Z", "SURNAME")).json().get("results").get(0);
        assertThat(elsewhereTicket.get("violations").toString()).doesNotContain("belongs to another agreement");
        assertThat(elsewhereTicket.get("instructionVerified").asBoolean()).isFalse();
        api.post("/api/v1/agreements/" + other + "/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
        api.post("/api/v1/agreements/" + other + "/signatures", PUBLISHER, signature("PROCESSOR", "2026-03-05", null));
        assertThat(api.post("/api/v1/agreements/" + other + "/instructions", PUBLISHER, """
                {"instructionId":"ticket-of-other-agreement","kind":"SUPPORT_TICKET","issuedOn":"2026-03-10",
                 "purposes":["REMOTE_SUPPORT"],"categories":["SURNAME"]}""").status()).isEqualTo(201);

        Api.Response response = api.post("/api/v1/access-events", PUBLISHER,
                access("acc-other-ticket", "REMOTE_SUPPORT", "ticket-of-other-agreement", "2026-04-02T09:00:00Z", "SURNAME"));

        JsonNode result = response.json().get("results").get(0);
        assertThat(result.get("violations").toString())
                .contains("{\"article\":\"1.1\",\"reason\":\"the cited instruction belongs to another agreement\"}");
        assertThat(result.get("instructionVerified").asBoolean()).isFalse();
        assertThat(response.body()).doesNotContain(other);
        JsonNode stored = api.get("/api/v1/agreements/" + AGREEMENT + "/events", SECURITY).json().get("events");
        List<JsonNode> recorded = new ArrayList<>();
        stored.forEach(event -> {
            if (event.get("payload").path("accessId").asText().equals("acc-other-ticket")) {
                recorded.add(event.get("payload"));
            }
        });
        assertThat(recorded).singleElement().satisfies(payload -> {
            assertThat(payload.get("instructionOfAnotherAgreement").asBoolean()).isTrue();
            assertThat(payload.toString()).doesNotContain(other);
        });
        JsonNode ownAccess = api.post("/api/v1/access-events", PUBLISHER, access("acc-own-ticket", "REMOTE_SUPPORT",
                "ticket-of-other-agreement", "2026-04-02T09:00:00Z", "SURNAME").replace(AGREEMENT, other))
                .json().get("results").get(0);
        assertThat(ownAccess.get("verdict").asText()).as("the practice whose ticket it is").isEqualTo("COMPLIANT");
        assertThat(ownAccess.get("instructionVerified").asBoolean()).isTrue();

        Verification verified = Bundles.exportedAndVerified(api, AGREEMENT, directory);
        assertThat(verified.failed()).as(verified.print()).isFalse();
        assertThat(verified.status(Checks.VERDICTS)).isEqualTo(Check.Status.PASS);
    }

    @Test
    void aRepeatedBatchAnswersTheOriginalVerdictsAndAppendsNothing() {
        String body = batch(access("acc-rep-1", "REMOTE_SUPPORT", "t", "2026-04-02T09:00:00Z", "SURNAME"),
                access("acc-rep-2", "MARKETING", "t", "2026-04-02T09:00:00Z", "SURNAME"));
        JsonNode first = api.post("/api/v1/access-events", PUBLISHER, body).json();
        long before = stored();

        Api.Response again = api.post("/api/v1/access-events", PUBLISHER, body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(stored()).isEqualTo(before);
        for (int i = 0; i < 2; i++) {
            assertThat(again.json().get("results").get(i).get("eventId")).isEqualTo(first.get("results").get(i).get("eventId"));
            assertThat(again.json().get("results").get(i).get("violations")).isEqualTo(first.get("results").get(i).get("violations"));
            assertThat(again.json().get("results").get(i).get("repeated").asBoolean()).isTrue();
        }
    }

    @Test
    void aConflictingDuplicateRefusesTheWholeBatch() {
        api.post("/api/v1/access-events", PUBLISHER, access("acc-taken", "REMOTE_SUPPORT", "t", "2026-04-03T09:00:00Z", "SURNAME"));
        long before = stored();

        Api.Response response = api.post("/api/v1/access-events", PUBLISHER, batch(
                access("acc-fresh", "REMOTE_SUPPORT", "t", "2026-04-03T09:00:00Z", "SURNAME"),
                access("acc-taken", "REMOTE_SUPPORT", "t", "2026-04-03T10:00:00Z", "SURNAME")));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body()).contains("acc-taken").doesNotContain("acc-fresh");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void oneIdTwiceInABatchWithOtherContentIsA409ThatSaysNothingWasRecorded() {
        long before = stored();

        Api.Response response = api.post("/api/v1/access-events", PUBLISHER, batch(
                access("acc-split", "REMOTE_SUPPORT", "t", "2026-04-03T09:00:00Z", "SURNAME"),
                access("acc-split", "REMOTE_SUPPORT", "t", "2026-04-03T10:00:00Z", "SURNAME")));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asText()).contains("sent twice in this request").contains("acc-split")
                .doesNotContain("already recorded");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theSameAccessTwiceInOneBatchIsRecordedOnce() {
        String same = access("acc-twice", "REMOTE_SUPPORT", "t", "2026-04-04T09:00:00Z", "SURNAME");
        long before = stored();

        JsonNode results = api.post("/api/v1/access-events", PUBLISHER, batch(same, same)).json().get("results");

        assertThat(stored()).isEqualTo(before + 1);
        assertThat(results.get(1).get("eventId")).isEqualTo(results.get(0).get("eventId"));
        assertThat(results.get(1).get("repeated").asBoolean()).isTrue();
    }

    @Test
    void anInvalidItemIsA400NamingItAndAppendsNothing() {
        long before = stored();

        Api.Response response = api.post("/api/v1/access-events", PUBLISHER, batch(
                access("acc-valid", "REMOTE_SUPPORT", "t", "2026-04-05T09:00:00Z", "SURNAME"),
                access("acc-invalid", "REMOTE_SUPPORT", "t", "2026-04-05T09:00:00Z", "lower_case")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).startsWith("[1].categories");
        assertThat(response.body()).doesNotContain("patient-4711");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anUnknownAgreementIsA422AndAppendsNothing() {
        long before = stored();
        String elsewhere = access("acc-nowhere", "REMOTE_SUPPORT", "t", "2026-04-05T09:00:00Z", "SURNAME")
                .replace(AGREEMENT, "agr-unknown");

        Api.Response response = api.post("/api/v1/access-events", PUBLISHER, batch(
                access("acc-known", "REMOTE_SUPPORT", "t", "2026-04-05T09:00:00Z", "SURNAME"), elsewhere));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).doesNotContain("agr-unknown"); // api.md: errors never echo submitted values
        assertThat(stored()).isEqualTo(before);
    }

    private static List<String> articles(JsonNode result) {
        List<String> articles = new ArrayList<>();
        result.get("violations").forEach(v -> articles.add(v.get("article").asText()));
        return articles;
    }
}
