package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.AUDITED_CONTROLLER;
import static nl.evidencestore.infra.support.Principals.AUDITOR;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The access timeline over HTTP: what was posted is searchable, filtered, paged and scoped. */
class TimelineIT {
    private static final Api api = StoreUnderTest.api();
    private static final String AUDITED = "agr-timeline-audited";
    private static final String OTHER = "agr-timeline-other";
    private static final String OTHER_CONTROLLER = "practice-timeline-other";
    /** Only this test's accesses carry this actor, so other ITs sharing the store do not disturb the counts. */
    private static final String ACTOR = "timeline-robot";
    private static long position;

    @BeforeAll
    static void accessesUnderTwoControllers() {
        effective(AUDITED, AUDITED_CONTROLLER);
        effective(OTHER, OTHER_CONTROLLER);
        Api.Response posted = api.post("/api/v1/access-events", PUBLISHER, "[" + String.join(",",
                access("tl-1", AUDITED, "REMOTE_SUPPORT", "ticket-1", "2026-04-01T09:00:00Z", "SURNAME"),
                access("tl-2", AUDITED, "MARKETING", "ticket-2", "2026-04-01T10:00:00Z", "BSN"),
                access("tl-3", AUDITED, "REMOTE_SUPPORT", "ticket-3", "2026-04-01T11:00:00Z", "DENTAL_PHOTOS"),
                access("tl-4", OTHER, "REMOTE_SUPPORT", "ticket-4", "2026-04-01T12:00:00Z", "SURNAME")) + "]");
        assertThat(posted.status()).isEqualTo(201);
        position = posted.json().get("position").asLong();
    }

    private static void effective(String agreement, String controller) {
        api.post("/api/v1/agreements", PUBLISHER, draft(agreement, controller));
        api.post("/api/v1/agreements/" + agreement + "/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
        api.post("/api/v1/agreements/" + agreement + "/signatures", PUBLISHER, signature("PROCESSOR", "2026-03-05", null));
    }

    private static String access(String id, String agreement, String purpose, String instruction, String occurredAt,
                                 String category) {
        return """
                {"accessId":"%s","agreementId":"%s","actor":{"id":"%s","kind":"SYSTEM"},"purpose":"%s",
                 "instructionRef":"%s","categories":["%s"],"subjectRef":"patient-tl-0815","country":"NL",
                 "system":"remote-support","occurredAt":"%s"}
                """.formatted(id, agreement, ACTOR, purpose, instruction, category, occurredAt);
    }

    private static Api.Response timeline(String query, String token) {
        return api.get("/api/v1/timeline?minPosition=" + position + "&actor=" + ACTOR + query, token);
    }

    @Test
    void findsThePostedAccessesNewestFirstWithVerdictsAndFacets() {
        Api.Response response = timeline("", SECURITY);

        assertThat(response.status()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(ids(page)).containsExactly("tl-4", "tl-3", "tl-2", "tl-1");
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("totalExact").asBoolean()).isTrue();
        JsonNode marketing = page.get("items").get(2);
        assertThat(marketing.get("verdict").asText()).isEqualTo("VIOLATION");
        assertThat(marketing.get("violations").get(0).get("article").asText()).isEqualTo("1.3");
        assertThat(marketing.get("sensitive").asBoolean()).isTrue();
        assertThat(marketing.get("controllerId").asText()).isEqualTo(AUDITED_CONTROLLER);
        assertThat(page.get("facets").get("verdict").get("VIOLATION").asLong()).isEqualTo(1);
        assertThat(page.get("facets").get("category").get("SURNAME").asLong()).isEqualTo(2);
        assertThat(response.body()).doesNotContain("patient-tl-0815").doesNotContain("subjectRef");
    }

    @Test
    void combinesFiltersAndBoundsTime() {
        assertThat(ids(timeline("&category=BSN&category=DENTAL_PHOTOS&purpose=REMOTE_SUPPORT", SECURITY).json()))
                .containsExactly("tl-3");
        assertThat(ids(timeline("&from=2026-04-01T10:00:00Z&to=2026-04-01T11:00:00Z", SECURITY).json()))
                .containsExactly("tl-3", "tl-2");
        assertThat(ids(timeline("&sensitive=true&verdict=COMPLIANT", SECURITY).json())).containsExactly("tl-3");
        assertThat(ids(timeline("&q=ticket-2", SECURITY).json())).containsExactly("tl-2");
    }

    @Test
    void pagesWithTheCursorUntilEveryHitWasSeenOnce() {
        JsonNode page = timeline("&limit=3", SECURITY).json();
        List<String> seen = new ArrayList<>(ids(page));
        String cursor = page.get("nextCursor").asText();

        JsonNode last = timeline("&limit=3&cursor=" + cursor, SECURITY).json();
        seen.addAll(ids(last));

        assertThat(seen).containsExactly("tl-4", "tl-3", "tl-2", "tl-1");
        assertThat(last.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void scopesAnAuditorToTheirControllersAndHidesOthers() {
        assertThat(ids(timeline("", AUDITOR).json())).containsExactly("tl-3", "tl-2", "tl-1");
        assertThat(timeline("&agreementId=" + OTHER, AUDITOR).status()).isEqualTo(404);
        assertThat(timeline("&controllerId=" + OTHER_CONTROLLER, AUDITOR).status()).isEqualTo(404);
        assertThat(timeline("&agreementId=" + OTHER, SECURITY).status()).isEqualTo(200);
    }

    @Test
    void refusesBadQueriesWith400() {
        assertThat(timeline("&q=ticket%20AND%20(", SECURITY).status()).isEqualTo(400);
        assertThat(timeline("&q=*icket", SECURITY).status()).isEqualTo(400);
        assertThat(timeline("&q=ticket~2", SECURITY).status()).isEqualTo(400);
        assertThat(timeline("&limit=1001", SECURITY).status()).isEqualTo(400);
        assertThat(timeline("&cursor=not-a-cursor", SECURITY).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/timeline", PUBLISHER).status()).isEqualTo(403);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("accessId").asText()));
        return ids;
    }
}
