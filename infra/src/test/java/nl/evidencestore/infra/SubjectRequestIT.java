package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.AUDITED_CONTROLLER;
import static nl.evidencestore.infra.support.Principals.AUDITOR;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import org.junit.jupiter.api.Test;

/**
 * Art. 7 end to end: a request the processor received on a Monday at least a week ago, so its
 * forwarding deadline (end of Wednesday) has passed when it is recorded; forwarded on Thursday
 * (late, Art. 7.1), extended on Friday, resolved today.
 */
class SubjectRequestIT {
    private static final String AGREEMENT = "agr-sr-noord";
    private static final String REQUEST = "sr-it-access";
    private static final String SUBJECT = "patient-it-5c1e";

    private final Api api = StoreUnderTest.api();
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    private final LocalDate monday = today.minusDays(7).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

    @Test
    void aRequestTheProcessorReceivedIsForwardedLateExtendedAndResolved() {
        api.post("/api/v1/agreements", PUBLISHER, draft(AGREEMENT, "practice-sr-noord"));

        Api.Response received = api.post("/api/v1/subject-requests", PUBLISHER, """
                {"requestId":"%s","agreementId":"%s","type":"ACCESS","receivedBy":"PROCESSOR","receivedOn":"%s",
                 "subjectRef":"%s"}""".formatted(REQUEST, AGREEMENT, monday, SUBJECT));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        // Recorded after the end of Wednesday: the store records the forwarding overdue at once.
        assertThat(received.json().get("eventIds")).hasSize(2);

        JsonNode open = api.get("/api/v1/obligations?agreementId=" + AGREEMENT + "&minPosition=" + position(received),
                SECURITY).json();
        assertThat(open.get("items")).extracting(item -> item.get("kind").asText() + " " + item.get("overdue").asBoolean())
                .containsExactly("SUBJECT_REQUEST_FORWARDING true", "SUBJECT_REQUEST_ANSWER false");

        assertThat(post("forwarding", "{\"on\":\"" + monday.plusDays(3) + "\"}").status()).isEqualTo(201);
        assertThat(post("extension", "{\"on\":\"" + monday.plusDays(4) + "\",\"reason\":\"records archived off-site\"}")
                .status()).isEqualTo(201);
        Api.Response resolved = post("resolution", "{\"on\":\"" + today + "\",\"outcome\":\"copy of the records sent\"}");
        assertThat(resolved.status()).isEqualTo(201);

        Api.Response answer = api.get("/api/v1/subject-requests/" + REQUEST + "?minPosition=" + position(resolved), SECURITY);
        JsonNode request = answer.json();
        assertThat(request.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(request.get("controllerId").asText()).isEqualTo("practice-sr-noord");
        assertThat(request.at("/forwarding/forwardBy").asText()).isEqualTo(monday.plusDays(2).toString());
        assertThat(request.at("/forwarding/forwardedOn").asText()).isEqualTo(monday.plusDays(3).toString());
        assertThat(request.at("/forwarding/late").asBoolean()).isTrue();
        assertThat(request.at("/forwarding/violations/0/article").asText()).isEqualTo("7.1");
        assertThat(request.at("/answer/answerBy").asText()).isEqualTo(monday.plusMonths(1).plusMonths(2).toString());
        assertThat(request.at("/answer/extension/reason").asText()).isEqualTo("records archived off-site");
        assertThat(request.at("/answer/late").asBoolean()).isFalse();
        assertThat(request.get("overdue").asBoolean()).isFalse();
        assertThat(answer.body()).doesNotContain(SUBJECT).doesNotContain("subjectRef");

        JsonNode listed = api.get("/api/v1/subject-requests?agreementId=" + AGREEMENT + "&overdue=false", SECURITY).json();
        assertThat(listed.get("items")).extracting(item -> item.get("requestId").asText()).containsExactly(REQUEST);
        assertThat(api.get("/api/v1/obligations?agreementId=" + AGREEMENT, SECURITY).json().get("items")).isEmpty();
    }

    @Test
    void anAuditorSeesOnlyTheRequestsOfTheirControllers() {
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-sr-audited", AUDITED_CONTROLLER));
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-sr-other", "practice-sr-other"));
        api.post("/api/v1/subject-requests", PUBLISHER, """
                {"requestId":"sr-it-audited","agreementId":"agr-sr-audited","type":"ERASURE","receivedBy":"CONTROLLER",
                 "receivedOn":"%s","subjectRef":"patient-it-a"}""".formatted(today));
        Api.Response other = api.post("/api/v1/subject-requests", PUBLISHER, """
                {"requestId":"sr-it-other","agreementId":"agr-sr-other","type":"RECTIFICATION","receivedBy":"CONTROLLER",
                 "receivedOn":"%s","subjectRef":"patient-it-b"}""".formatted(today));

        JsonNode list = api.get("/api/v1/subject-requests?minPosition=" + position(other), AUDITOR).json();

        assertThat(list.get("items")).extracting(item -> item.get("requestId").asText())
                .contains("sr-it-audited").doesNotContain("sr-it-other");
        assertThat(api.get("/api/v1/subject-requests/sr-it-other", AUDITOR).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/subject-requests?agreementId=agr-sr-other", AUDITOR).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/subject-requests/sr-it-audited", AUDITOR).json().has("forwarding")).isFalse();
    }

    @Test
    void refusalsNeverQuoteTheSubjectReference() {
        String malformed = "patient-7f3a-" + "x".repeat(200);
        Api.Response refused = api.post("/api/v1/subject-requests", PUBLISHER, """
                {"requestId":"sr-it-bad","agreementId":"%s","type":"ACCESS","receivedBy":"PROCESSOR","receivedOn":"%s",
                 "subjectRef":"%s"}""".formatted(AGREEMENT, today, malformed));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("subjectRef");
        assertThat(refused.json().at("/errors/0/message").asText()).startsWith("is longer than 200");
        assertThat(refused.body()).doesNotContain(malformed);
        assertThat(api.post("/api/v1/subject-requests/sr-it-never/forwarding", PUBLISHER, "{\"on\":\"" + today + "\"}")
                .json().get("detail").asText()).isEqualTo("no subject request with this id exists");
    }

    private Api.Response post(String step, String body) {
        return api.post("/api/v1/subject-requests/" + REQUEST + "/" + step, PUBLISHER, body);
    }

    private static long position(Api.Response response) {
        return response.json().get("position").asLong();
    }
}
