package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import org.junit.jupiter.api.Test;

/**
 * domain.md, bitemporal: a verdict is computed once and never rewritten; a consent recorded
 * later that holds from before the access appends a VerdictReassessed citing both.
 */
class VerdictReassessmentIT {
    private static final Api api = StoreUnderTest.api();
    private static final String AGREEMENT = "agr-reassess";

    @Test
    void aPurposeConsentedFromBeforeTheAccessReassessesItsVerdictAndKeepsTheOriginal() {
        api.post("/api/v1/agreements", PUBLISHER, draft(AGREEMENT, "practice-reassess"));
        api.post("/api/v1/agreements/" + AGREEMENT + "/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
        api.post("/api/v1/agreements/" + AGREEMENT + "/signatures", PUBLISHER, signature("PROCESSOR", "2026-03-02", null));
        JsonNode recorded = api.post("/api/v1/access-events", PUBLISHER, access("acc-reassess-1", "2026-04-15T10:00:00Z"))
                .json().get("results").get(0);
        api.post("/api/v1/access-events", PUBLISHER, access("acc-reassess-early", "2026-03-15T10:00:00Z"));
        assertThat(recorded.get("violations").toString()).contains("\"1.3\"");

        String consent = api.post("/api/v1/agreements/" + AGREEMENT + "/purposes", PUBLISHER, """
                {"purpose":"STAFF_TRAINING","consentReference":"letter-2026-04-20","grantedOn":"2026-04-01"}""")
                .json().get("eventIds").get(0).asText();

        JsonNode reassessed = await().atMost(Duration.ofSeconds(30)).until(() -> ofType("VerdictReassessed"),
                found -> !found.isEmpty()).get(0).get("payload");
        assertThat(reassessed.get("accessId").asText()).isEqualTo("acc-reassess-1");
        assertThat(reassessed.get("causeEventId").asText()).isEqualTo(consent);
        assertThat(reassessed.get("previous").toString()).contains("\"1.3\"");
        assertThat(reassessed.get("current").toString()).doesNotContain("\"1.3\"");
        assertThat(ofType("AccessRecorded")).as("the original verdicts stay on the record").hasSize(2)
                .allSatisfy(access -> assertThat(access.get("payload").get("verdict").toString()).contains("\"1.3\""));
        assertThat(ofType("VerdictReassessed")).as("the access before the consent's date is not reassessed").hasSize(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode items = api.get("/api/v1/timeline?agreementId=" + AGREEMENT, SECURITY).json().get("items");
            assertThat(items).hasSize(2);
            for (JsonNode item : items) {
                String violations = item.get("violations").toString();
                if (item.get("accessId").asText().equals("acc-reassess-1")) {
                    assertThat(violations).as("the timeline shows the verdict that stands now").doesNotContain("\"1.3\"");
                } else {
                    assertThat(violations).contains("\"1.3\"");
                }
            }
        });
    }

    private static List<JsonNode> ofType(String type) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/v1/agreements/" + AGREEMENT + "/events", SECURITY).json().get("events").forEach(event -> {
            if (event.get("type").asText().equals(type)) {
                found.add(event);
            }
        });
        return found;
    }

    private static String access(String accessId, String occurredAt) {
        return """
                {"accessId":"%s","agreementId":"%s","actor":{"id":"robot-7","kind":"SYSTEM"},"purpose":"STAFF_TRAINING",
                 "categories":["SURNAME"],"subjectRef":"patient-1","country":"NL","system":"lms",
                 "occurredAt":"%s"}""".formatted(accessId, AGREEMENT, occurredAt);
    }
}
