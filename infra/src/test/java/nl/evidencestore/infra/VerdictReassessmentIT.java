package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.Bundles;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.infra.support.StoredEvents;
import nl.evidencestore.shared.evidence.verify.Checks;
import nl.evidencestore.shared.evidence.verify.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * domain.md, bitemporal: a verdict is computed once and never rewritten; a consent, or an
 * employee's registration or revocation, recorded later that holds from before the access
 * appends a VerdictReassessed citing both.
 */
class VerdictReassessmentIT {
    private static final Api api = StoreUnderTest.api();
    private static final String AGREEMENT = "agr-reassess";
    private static final String EMPLOYEE = "emp-reassess-late";

    @TempDir
    Path directory;

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

    /**
     * Art. 2.3 dated back: HR registers an employee from a day before their accesses were
     * recorded, and then revokes them from a day before too. Each fact reassesses the employee's
     * accesses under every agreement, and the auditor's verifier recomputes each reassessment
     * from the employee stream in the bundle.
     */
    @Test
    void anEmployeeRegisteredAndRevokedFromBeforeTheirAccessesReassessesThemUnderEveryAgreement() throws IOException {
        List<String> agreements = List.of("agr-reassess-emp-a", "agr-reassess-emp-b");
        for (String agreement : agreements) {
            api.post("/api/v1/agreements", PUBLISHER, draft(agreement, "practice-" + agreement));
            api.post("/api/v1/agreements/" + agreement + "/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
            api.post("/api/v1/agreements/" + agreement + "/signatures", PUBLISHER, signature("PROCESSOR", "2026-03-02", null));
            JsonNode judged = api.post("/api/v1/access-events", PUBLISHER, byEmployee("acc-" + agreement, agreement))
                    .json().get("results").get(0);
            assertThat(judged.get("violations").toString()).as("not registered yet").contains("\"2.3\"");
        }

        // The agreements' own terms, recorded after the dates they hold from, are reassessed first:
        // done after the registration, that would cite the term instead of the registration.
        await().atMost(Duration.ofSeconds(30)).until(() -> StoredEvents.processedAll(StoreUnderTest.eventStoreUrl(),
                "evidence-verdict-reassessment"));
        String registration = api.post("/api/v1/employees", PUBLISHER, """
                {"employeeId":"%s","name":"Late Registered","confidentialitySignedOn":"2026-04-01"}""".formatted(EMPLOYEE))
                .json().get("eventIds").get(0).asText();
        for (String agreement : agreements) {
            JsonNode reassessed = await().atMost(Duration.ofSeconds(30)).until(() -> ofType(agreement, "VerdictReassessed"),
                    found -> !found.isEmpty()).get(0).get("payload");
            assertThat(reassessed.get("causeEventId").asText()).isEqualTo(registration);
            assertThat(reassessed.get("previous").toString()).contains("\"2.3\"");
            assertThat(reassessed.get("current").toString()).doesNotContain("\"2.3\"");
        }

        String revocation = api.post("/api/v1/employees/" + EMPLOYEE + "/revocation", PUBLISHER, """
                {"revokedOn":"2026-04-10"}""").json().get("eventIds").get(0).asText();
        for (String agreement : agreements) {
            JsonNode reassessed = await().atMost(Duration.ofSeconds(30)).until(() -> ofType(agreement, "VerdictReassessed"),
                    found -> found.size() == 2).get(1).get("payload");
            assertThat(reassessed.get("causeEventId").asText()).isEqualTo(revocation);
            assertThat(reassessed.get("current").toString()).contains("\"2.3\"");
        }

        Verification verified = Bundles.exportedAndVerified(api, agreements.get(0), directory);
        assertThat(verified.failed()).as(verified.print()).isFalse();
        assertThat(verified.check(Checks.VERDICTS).orElseThrow().print()).contains("3 verdict(s) recomputed");
    }

    private static String byEmployee(String accessId, String agreement) {
        return """
                {"accessId":"%s","agreementId":"%s","actor":{"id":"%s","kind":"EMPLOYEE"},"purpose":"REMOTE_SUPPORT",
                 "instructionRef":"ticket-reassess","categories":["SURNAME"],"subjectRef":"patient-1","country":"NL",
                 "system":"remote-support","occurredAt":"2026-04-15T10:00:00Z"}""".formatted(accessId, agreement, EMPLOYEE);
    }

    private static List<JsonNode> ofType(String type) {
        return ofType(AGREEMENT, type);
    }

    private static List<JsonNode> ofType(String agreement, String type) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/v1/agreements/" + agreement + "/events", SECURITY).json().get("events").forEach(event -> {
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
