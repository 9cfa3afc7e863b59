package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.AUDITED_CONTROLLER;
import static nl.evidencestore.infra.support.Principals.AUDITOR;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.infra.support.StoredEvents;
import org.junit.jupiter.api.Test;

/**
 * Art. 6 end to end: a suspected breach over two practices' agreements, reported 30 hours after
 * discovery, so both controllers' deadlines (24 h) have passed when it is recorded; one
 * controller was notified in time, the other late; the breach is confirmed and closed.
 */
class BreachNotificationIT {
    private static final String NOORD = "agr-breach-noord";
    /** Its controller is the one the test auditor may see. */
    private static final String AUDITED = "agr-breach-audited";
    private static final String BREACH = "br-it-photos";

    private final Api api = StoreUnderTest.api();
    private final Instant discovered = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(30));
    private final String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();

    @Test
    void aSuspectedBreachOverTwoAgreementsNotifiedInTimeToOneControllerAndLateToTheOther() {
        api.post("/api/v1/agreements", PUBLISHER, draft(NOORD, "practice-breach-noord"));
        api.post("/api/v1/agreements", PUBLISHER, draft(AUDITED, AUDITED_CONTROLLER));

        Api.Response reported = api.post("/api/v1/breaches", PUBLISHER, """
                {"breachId":"%s","status":"SUSPECTED","discoveredAt":"%s","agreementIds":["%s","%s"],
                 "description":"support laptop with cached dental photos lost","categories":["DENTAL_PHOTOS","SURNAME"],
                 "estimatedSubjects":250}""".formatted(BREACH, discovered, NOORD, AUDITED));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        // Reported after both controllers' deadlines: the store records them overdue at once.
        assertThat(reported.json().get("eventIds")).hasSize(3);

        JsonNode overdue = api.get("/api/v1/obligations?overdue=true&minPosition=" + position(reported), SECURITY).json();
        assertThat(obligationsOf(overdue)).containsExactlyInAnyOrder(
                "BREACH_CONTROLLER_NOTIFICATION " + NOORD, "BREACH_CONTROLLER_NOTIFICATION " + AUDITED);

        assertThat(notify("n-noord", NOORD, discovered.plus(Duration.ofHours(2))).status()).isEqualTo(201);
        assertThat(notify("n-audited", AUDITED, discovered.plus(Duration.ofHours(27))).status()).isEqualTo(201);
        assertThat(post("confirmation", "forensics confirmed the cache").status()).isEqualTo(201);
        Api.Response closed = post("closure", "laptop wiped remotely; disk encryption on every support laptop");
        assertThat(closed.status()).isEqualTo(201);

        JsonNode breach = api.get("/api/v1/breaches/" + BREACH + "?minPosition=" + position(closed), SECURITY).json();
        assertThat(breach.get("status").asText()).isEqualTo("CLOSED");
        assertThat(breach.get("reportedAs").asText()).isEqualTo("SUSPECTED");
        assertThat(breach.at("/closure/note").asText()).startsWith("laptop wiped");
        assertThat(breach.get("overdue").asBoolean()).isFalse();

        JsonNode inTime = notification(breach, "n-noord");
        assertThat(inTime.get("delaySeconds").asLong()).isEqualTo(7_200);
        assertThat(inTime.get("late").asBoolean()).isFalse();
        JsonNode late = notification(breach, "n-audited");
        assertThat(late.get("delaySeconds").asLong()).isEqualTo(97_200);
        assertThat(late.get("late").asBoolean()).isTrue();
        assertThat(late.at("/violations/0/article").asText()).isEqualTo("6.1");

        JsonNode noordDeadline = deadline(breach, NOORD);
        assertThat(noordDeadline.get("state").asText()).isEqualTo("MET");
        assertThat(noordDeadline.get("late").asBoolean()).isFalse();
        assertThat(noordDeadline.get("overdueRecorded").asBoolean()).isTrue(); // what the store knew at the time
        JsonNode auditedDeadline = deadline(breach, AUDITED);
        assertThat(auditedDeadline.get("late").asBoolean()).isTrue();
        assertThat(auditedDeadline.get("controllerId").asText()).isEqualTo(AUDITED_CONTROLLER);
        assertThat(breach.at("/authority/dueAt").asText()).isEqualTo(discovered.plus(Duration.ofHours(72)).toString());

        assertThat(ids(api.get("/api/v1/breaches?status=CLOSED&overdue=false", SECURITY).json())).contains(BREACH);
        assertThat(ids(api.get("/api/v1/breaches?overdue=true", SECURITY).json())).doesNotContain(BREACH);
        JsonNode open = api.get("/api/v1/obligations?agreementId=" + NOORD, SECURITY).json();
        assertThat(obligationsOf(open)).containsExactly("BREACH_AUTHORITY_NOTIFICATION null");
    }

    @Test
    void theStoreRaisesTheOverdueFactItselfWhenADeadlinePasses() {
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-breach-clock", "practice-breach-clock"));
        Instant discoveredAlmostADayAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .minus(Duration.ofHours(24)).plusSeconds(3);
        Api.Response reported = api.post("/api/v1/breaches", PUBLISHER, """
                {"breachId":"br-it-clock","status":"SUSPECTED","discoveredAt":"%s","agreementIds":["agr-breach-clock"],
                 "description":"unusual database export","categories":["BSN"],"estimatedSubjects":40}"""
                .formatted(discoveredAlmostADayAgo));
        assertThat(reported.json().get("eventIds")).hasSize(1); // nothing overdue yet

        String path = "/api/v1/breaches/br-it-clock?minPosition=" + position(reported);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deadline = api.get(path, SECURITY).json().at("/agreements/0");
            assertThat(deadline.path("overdueRecorded").asBoolean()).isTrue();
            assertThat(deadline.at("/violations/0/article").asText()).isEqualTo("6.1");
        });
    }

    @Test
    void anAuditorSeesTheBreachOnlyThroughTheirOwnAgreement() {
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-breach-scope-other", "practice-breach-scope"));
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-breach-scope-audited", AUDITED_CONTROLLER));
        Api.Response reported = api.post("/api/v1/breaches", PUBLISHER, """
                {"breachId":"br-it-scope","status":"CONFIRMED","discoveredAt":"%s",
                 "agreementIds":["agr-breach-scope-other","agr-breach-scope-audited"],
                 "description":"misdirected export","categories":[],"estimatedSubjects":3}""".formatted(discovered));
        api.post("/api/v1/breaches", PUBLISHER, """
                {"breachId":"br-it-elsewhere","status":"SUSPECTED","discoveredAt":"%s",
                 "agreementIds":["agr-breach-scope-other"],"description":"odd login","categories":[],
                 "estimatedSubjects":0}""".formatted(discovered));
        Api.Response notified = api.post("/api/v1/breaches/br-it-scope/notifications", PUBLISHER, """
                {"notificationId":"n-other","recipient":"CONTROLLER","agreementId":"agr-breach-scope-other",
                 "notifiedAt":"%s","cause":"wrong address","proposedSolution":"recall","informedParties":["CONTROLLER"]}
                """.formatted(discovered.plus(Duration.ofHours(1))));

        Api.Response seen = api.get("/api/v1/breaches/br-it-scope?minPosition=" + position(notified), AUDITOR);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get("agreements")).hasSize(1);
        assertThat(seen.body()).doesNotContain("agr-breach-scope-other").doesNotContain("n-other");
        assertThat(api.get("/api/v1/breaches/br-it-elsewhere", AUDITOR).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/v1/breaches", AUDITOR).json())).contains("br-it-scope").doesNotContain("br-it-elsewhere");
        assertThat(api.get("/api/v1/obligations", AUDITOR).body()).doesNotContain("agr-breach-scope-other");
        assertThat(api.get("/api/v1/obligations?agreementId=agr-breach-scope-other", AUDITOR).status()).isEqualTo(404);
        assertThat(reported.status()).isEqualTo(201);
    }

    @Test
    void aNotificationWithoutCauseIsRefusedNamingArticle63AndAppendsNothing() {
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-breach-incomplete", "practice-breach-incomplete"));
        api.post("/api/v1/breaches", PUBLISHER, """
                {"breachId":"br-it-incomplete","status":"CONFIRMED","discoveredAt":"%s",
                 "agreementIds":["agr-breach-incomplete"],"description":"stolen backup disk","categories":["BSN"],
                 "estimatedSubjects":1200}""".formatted(discovered));
        // The breach's own stream: its facts enter the agreement's chain on their own schedule.
        long before = StoredEvents.count(StoreUnderTest.eventStoreUrl(), "breach/br-it-incomplete");

        Api.Response refused = api.post("/api/v1/breaches/br-it-incomplete/notifications", PUBLISHER, """
                {"notificationId":"n-bare","recipient":"CONTROLLER","agreementId":"agr-breach-incomplete",
                 "notifiedAt":"%s","proposedSolution":"revoke backup keys","informedParties":["CONTROLLER"]}
                """.formatted(discovered.plus(Duration.ofHours(1))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("article").asText()).isEqualTo("6.3");
        assertThat(refused.json().get("detail").asText()).contains("cause");
        assertThat(StoredEvents.count(StoreUnderTest.eventStoreUrl(), "breach/br-it-incomplete")).isEqualTo(before);
        assertThat(api.post("/api/v1/breaches", PUBLISHER, """
                {"breachId":"br-it-nowhere","status":"SUSPECTED","discoveredAt":"%s","agreementIds":["agr-never-drafted"],
                 "description":"x","categories":[],"estimatedSubjects":0}""".formatted(discovered)).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/breaches/br-it-never-reported/confirmation", PUBLISHER,
                "{\"on\":\"" + today + "\",\"note\":\"x\"}").json().get("detail").asText())
                .isEqualTo("no breach with this id exists");
    }

    private Api.Response notify(String id, String agreement, Instant at) {
        return api.post("/api/v1/breaches/" + BREACH + "/notifications", PUBLISHER, """
                {"notificationId":"%s","recipient":"CONTROLLER","agreementId":"%s","notifiedAt":"%s",
                 "cause":"laptop left unencrypted in a train","proposedSolution":"remote wipe; full-disk encryption",
                 "implementedSolution":"remote wipe issued","informedParties":["CONTROLLER","AUTHORITY"]}
                """.formatted(id, agreement, at));
    }

    private Api.Response post(String decision, String note) {
        Api.Response response = api.post("/api/v1/breaches/" + BREACH + "/" + decision, PUBLISHER,
                "{\"on\":\"" + today + "\",\"note\":\"" + note + "\"}");
        // Happens once: the same decision again is an idempotent repeat.
        assertThat(api.post("/api/v1/breaches/" + BREACH + "/" + decision, PUBLISHER,
                "{\"on\":\"" + today + "\",\"note\":\"" + note + "\"}").status()).isEqualTo(200);
        return response;
    }

    private static long position(Api.Response response) {
        return response.json().get("position").asLong();
    }

    private static JsonNode notification(JsonNode breach, String id) {
        for (JsonNode notification : breach.get("notifications")) {
            if (notification.get("notificationId").asText().equals(id)) {
                return notification;
            }
        }
        throw new AssertionError("no notification " + id + " in " + breach);
    }

    private static JsonNode deadline(JsonNode breach, String agreementId) {
        for (JsonNode deadline : breach.get("agreements")) {
            if (deadline.get("agreementId").asText().equals(agreementId)) {
                return deadline;
            }
        }
        throw new AssertionError("no deadline for " + agreementId + " in " + breach);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(item -> ids.add(item.get("breachId").asText()));
        return ids;
    }

    /** "KIND agreementId" of this test's breach's obligations. */
    private static List<String> obligationsOf(JsonNode list) {
        List<String> found = new ArrayList<>();
        list.get("items").forEach(item -> {
            if (BREACH.equals(item.path("breachId").asText())) {
                found.add(item.get("kind").asText() + " " + item.path("agreementId").asText("null"));
            }
        });
        return found;
    }
}
