package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import org.junit.jupiter.api.Test;

/**
 * One practice's year over HTTP, every room together: the agreement drafted and signed on two
 * dates, an employee registered, a sub-processor consented to, a transfer allowed, an
 * amendment; accesses of every kind judged against the agreement as it stood when each
 * occurred; a suspected breach notified late; a subject request; termination, deletions and a
 * retention hold.
 */
class PracticeYearIT {
    /**
     * The year ends a few weeks before today, after the last of its other facts (October 2026):
     * facts about the past cannot be dated in the future, and the deletion period (30 days) then
     * still runs when the test does, so no overdue fact depends on the day it runs.
     */
    private static final LocalDate TERMINATED_ON = LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(20);
    private static final String A = "agr-practice-year";
    private static final String PATH = "/api/v1/agreements/" + A;

    private final Api api = StoreUnderTest.api();
    private long position;

    @Test
    void aYearOfOnePractice() {
        agreementSignedOnTwoDates();
        Map<String, List<String>> verdicts = accessesOfEveryKind();

        assertThat(verdicts.get("before-effect")).containsExactly("11.1");
        assertThat(verdicts.get("support-by-registered-employee")).isEmpty();
        assertThat(verdicts.get("support-by-unregistered-employee")).containsExactly("2.3");
        assertThat(verdicts.get("conversion-before-consent")).containsExactly("3.1");
        assertThat(verdicts.get("conversion-after-consent")).isEmpty();
        assertThat(verdicts.get("india-before-transfer-consent")).containsExactly("3.2");
        assertThat(verdicts.get("india-after-transfer-consent")).isEmpty();
        assertThat(verdicts.get("notes-before-amendment")).containsExactly("ANNEX_1");
        assertThat(verdicts.get("notes-after-amendment")).isEmpty();
        assertThat(verdicts.get("without-instruction")).containsExactly("1.1");
        assertThat(verdicts.get("marketing")).containsExactly("1.3");

        breachNotifiedLate();
        subjectRequestAnswered();
        endedAndDeleted();
        // Reported once the termination is on record: judged against the agreement as it then stood.
        JsonNode late = post("/api/v1/access-events", access("after-termination", system(), "REMOTE_SUPPORT", "ZD-9",
                "NL", TERMINATED_ON.plusDays(1) + "T10:00:00Z", "SURNAME")).json().get("results").get(0);
        assertThat(late.get("violations").get(0).get("article").asText()).isEqualTo("11.2");
    }

    private void agreementSignedOnTwoDates() {
        post("/api/v1/agreements", draft(A, "practice-year-noord"));
        post(PATH + "/signatures", signature("CONTROLLER", "2026-03-01", null));
        post(PATH + "/signatures", signature("PROCESSOR", "2026-03-05", null));
        post("/api/v1/employees", """
                {"employeeId":"emp-year-anna","name":"Anna de Boer","confidentialitySignedOn":"2026-03-02"}""");
        post(PATH + "/sub-processors", """
                {"subProcessorId":"sp-year-convert","name":"Convert GmbH","country":"DE","services":"database conversion"}""");
        post(PATH + "/sub-processors/sp-year-convert/consent", """
                {"consentReference":"letter-2026-03-28","grantedOn":"2026-04-01"}""");
        post(PATH + "/transfer-consents", """
                {"country":"IN","consentReference":"letter-2026-04-20","grantedOn":"2026-05-01"}""");
        post(PATH + "/amendments", """
                {"amendmentId":"am-year-notes","proposedBy":"PROCESSOR","description":"dental notes too",
                 "noticeGivenOn":"2026-06-01","effectiveOn":"2026-07-01","documentSha256":"%s",
                 "changes":{"addCategories":["DENTAL_NOTES"]}}""".formatted("3".repeat(64)));
        post(PATH + "/data-locations", """
                {"locationId":"workstation-year","description":"support workstation"}""");
        post(PATH + "/data-locations", """
                {"locationId":"backup-year","description":"nightly backup"}""");
        JsonNode state = api.get(PATH + "?asOf=2026-03-03T12:00:00Z&minPosition=" + position, SECURITY).json();
        assertThat(state.get("status").asText()).isEqualTo("DRAFT");
    }

    private Map<String, List<String>> accessesOfEveryKind() {
        List<String> accesses = List.of(
                access("before-effect", employee("emp-year-anna"), "REMOTE_SUPPORT", "ZD-1", "NL", "2026-03-03T10:00:00Z", "SURNAME"),
                access("support-by-registered-employee", employee("emp-year-anna"), "REMOTE_SUPPORT", "ZD-2", "NL",
                        "2026-03-10T10:00:00Z", "SURNAME", "DENTAL_PHOTOS"),
                access("support-by-unregistered-employee", employee("emp-year-nobody"), "REMOTE_SUPPORT", "ZD-3", "NL",
                        "2026-03-10T11:00:00Z", "SURNAME"),
                access("conversion-before-consent", subProcessor(), "DATABASE_CONVERSION", "ORD-1", "DE",
                        "2026-03-20T10:00:00Z", "SURNAME"),
                access("conversion-after-consent", subProcessor(), "DATABASE_CONVERSION", "ORD-2", "DE",
                        "2026-04-02T10:00:00Z", "SURNAME"),
                access("india-before-transfer-consent", system(), "REMOTE_SUPPORT", "ZD-4", "IN", "2026-04-15T10:00:00Z", "SURNAME"),
                access("india-after-transfer-consent", system(), "REMOTE_SUPPORT", "ZD-5", "IN", "2026-05-15T10:00:00Z", "SURNAME"),
                access("notes-before-amendment", system(), "REMOTE_SUPPORT", "ZD-6", "NL", "2026-06-15T10:00:00Z", "DENTAL_NOTES"),
                access("notes-after-amendment", system(), "REMOTE_SUPPORT", "ZD-7", "NL", "2026-07-15T10:00:00Z", "DENTAL_NOTES"),
                access("without-instruction", system(), "REMOTE_SUPPORT", null, "NL", "2026-08-01T10:00:00Z", "SURNAME"),
                access("marketing", system(), "MARKETING", "ZD-8", "NL", "2026-08-02T10:00:00Z", "SURNAME"));
        Api.Response response = post("/api/v1/access-events", "[" + String.join(",", accesses) + "]");
        Map<String, List<String>> verdicts = new LinkedHashMap<>();
        response.json().get("results").forEach(result -> {
            List<String> articles = new ArrayList<>();
            result.get("violations").forEach(v -> articles.add(v.get("article").asText()));
            verdicts.put(result.get("accessId").asText().replace("year-", ""), articles);
        });
        return verdicts;
    }

    private void breachNotifiedLate() {
        post("/api/v1/breaches", """
                {"breachId":"br-year","status":"SUSPECTED","discoveredAt":"2026-09-01T08:00:00Z","agreementIds":["%s"],
                 "description":"support laptop lost","categories":["DENTAL_PHOTOS"],"estimatedSubjects":40}""".formatted(A));
        post("/api/v1/breaches/br-year/notifications", """
                {"notificationId":"n-year","recipient":"CONTROLLER","agreementId":"%s","notifiedAt":"2026-09-03T08:00:00Z",
                 "cause":"laptop left in a train","proposedSolution":"remote wipe","informedParties":["CONTROLLER"]}"""
                .formatted(A));
        post("/api/v1/breaches/br-year/confirmation", """
                {"on":"2026-09-04","note":"the laptop held cached photos"}""");
        JsonNode breach = api.get("/api/v1/breaches/br-year?minPosition=" + position, SECURITY).json();
        JsonNode notification = breach.get("notifications").get(0);
        assertThat(notification.get("delaySeconds").asLong()).isEqualTo(48 * 3600);
        assertThat(notification.get("late").asBoolean()).isTrue();
    }

    private void subjectRequestAnswered() {
        post("/api/v1/subject-requests", """
                {"requestId":"sr-year","agreementId":"%s","type":"ACCESS","receivedBy":"CONTROLLER",
                 "receivedOn":"2026-10-05","subjectRef":"patient-year-1"}""".formatted(A));
        post("/api/v1/subject-requests/sr-year/resolution", """
                {"on":"2026-10-20","outcome":"copy of the records sent"}""");
        JsonNode request = api.get("/api/v1/subject-requests/sr-year?minPosition=" + position, SECURITY).json();
        assertThat(request.at("/answer/late").asBoolean()).isFalse();
        assertThat(request.toString()).doesNotContain("patient-year-1");
    }

    private void endedAndDeleted() {
        post(PATH + "/termination", """
                {"terminatedOn":"%s","reason":"the practice closed"}""".formatted(TERMINATED_ON));
        post(PATH + "/deletions", """
                {"locationId":"workstation-year","deletedOn":"%s","method":"secure erase","categories":["SURNAME"],
                 "certificateSha256":"%s"}""".formatted(TERMINATED_ON.plusDays(4), "c".repeat(64)));
        post(PATH + "/retention-holds", """
                {"locationId":"backup-year","legalBasis":"WGBO, on the practice's written instruction","until":"2037-03-01",
                 "categories":["DENTAL_PHOTOS"]}""");
        JsonNode state = api.get(PATH + "?asOf=" + TERMINATED_ON.plusDays(9) + "T12:00:00Z&minPosition=" + position, SECURITY).json();
        assertThat(state.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(state.at("/deletionObligation/status").asText()).isEqualTo("FULFILLED");
    }

    private static String access(String id, String actor, String purpose, String instruction, String country,
                                 String occurredAt, String... categories) {
        String instructionRef = instruction == null ? "" : "\"instructionRef\":\"" + instruction + "\",";
        return """
                {"accessId":"year-%s","agreementId":"%s","actor":%s,"purpose":"%s",%s"categories":["%s"],
                 "subjectRef":"patient-year-1","country":"%s","system":"visiquick","occurredAt":"%s"}"""
                .formatted(id, A, actor, purpose, instructionRef, String.join("\",\"", categories), country, occurredAt);
    }

    private static String employee(String id) {
        return "{\"id\":\"" + id + "\",\"kind\":\"EMPLOYEE\"}";
    }

    private static String subProcessor() {
        return "{\"id\":\"conv-7\",\"kind\":\"SUB_PROCESSOR\",\"subProcessorId\":\"sp-year-convert\"}";
    }

    private static String system() {
        return "{\"id\":\"robot-1\",\"kind\":\"SYSTEM\"}";
    }

    private Api.Response post(String path, String body) {
        Api.Response response = api.post(path, PUBLISHER, body);
        assertThat(response.status()).as(path + ": " + response.body()).isIn(200, 201);
        position = Math.max(position, response.json().get("position").asLong());
        return response;
    }
}
