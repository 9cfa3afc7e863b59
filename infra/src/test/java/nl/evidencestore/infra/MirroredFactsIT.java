package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.AUDITED_CONTROLLER;
import static nl.evidencestore.infra.support.Principals.AUDITOR;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Requests.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.Bundles;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.shared.evidence.verify.BundleVerifier;
import nl.evidencestore.shared.evidence.verify.Check;
import nl.evidencestore.shared.evidence.verify.Checks;
import nl.evidencestore.shared.evidence.verify.Verification;
import nl.evidencestore.shared.integrity.VerificationKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts about an agreement that live in other streams, end to end: a breach over two practices'
 * agreements notified late to the audited one, a subject request, and an audit requested with its
 * findings shared, enter the audited agreement's own chain; its bundle verifies offline, its
 * report shows the breach with its delay, the request and the audit, the other practice's
 * agreement is nowhere in it, and a changed fact is caught.
 */
class MirroredFactsIT {
    private static final String AUDITED = "agr-facts-audited";
    private static final String OTHER = "agr-facts-elsewhere";
    private static final String BREACH = "br-it-facts";
    private static final String REQUEST = "sr-it-facts";
    private static final String AUDIT = "audit-it-facts";
    private static final String FINDINGS = "Access logs complete; two accounts without two-factor sign-in";

    private final Api api = StoreUnderTest.api();
    private final Instant discovered = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(30));
    private final LocalDate monday = LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(7)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

    @TempDir
    Path directory;

    @Test
    void aBreachARequestAndAnAuditEnterTheAgreementsChainAndItsBundleProvesThem() throws IOException {
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        created(api.post("/api/v1/agreements", PUBLISHER, draft(OTHER, "practice-facts-elsewhere")));
        created(api.post("/api/v1/agreements", PUBLISHER, draft(AUDITED, AUDITED_CONTROLLER)));
        created(api.post("/api/v1/security-measures", PUBLISHER, """
                {"measureId":"sm-it-facts","description":"Disk encryption on every support laptop",
                 "since":"2025-09-01","evidenceReference":"ISMS-2025-21"}"""));
        reportAndNotifyTheBreach();
        receiveAndForwardTheRequest();
        requestTheAuditAndShareItsFindings();

        List<String> mirrored = awaitMirroredFacts();
        assertThat(mirrored).contains("BreachReported", "BreachNotificationOverdue", "BreachNotified",
                "SubjectRequestReceived", "SubjectRequestForwarded", "AuditRequested", "FindingsShared");
        assertThat(mirrored.stream().filter("BreachNotified"::equals)).as("the other controller's notification stays out")
                .hasSize(1);
        assertThat(mirrored.stream().filter("AuditRequested"::equals))
                .as("findings send their audit's request again, for stores upgraded past it; it enters once").hasSize(1);

        byte[] zip = export(from, Instant.now().truncatedTo(ChronoUnit.MILLIS).minusMillis(1));
        VerificationKey key = VerificationKey.fromPem(api.get("/api/v1/public-key", AUDITOR).body());
        Verification verified = verify(zip, key);
        assertThat(verified.failed()).as(verified.print()).isFalse();
        assertThat(verified.status(Checks.MIRRORED)).isEqualTo(Check.Status.PASS);

        Map<String, byte[]> entries = Bundles.entries(zip);
        String report = text(entries.get("report.html"));
        assertThat(report).contains(BREACH).contains("27 h 00 min (97,200 s)").contains("LATE (Art. 6.1)")
                .contains(REQUEST).contains("LATE (Art. 7.1)").contains("Disk encryption on every support laptop")
                .contains("<th scope=\"row\">" + AUDIT + "</th><td>" + monday + "</td><td>K. Visser RE</td><td>1</td>")
                .contains("<td>f-1</td><td>" + monday.plusDays(2) + "</td><td>" + FINDINGS + "</td>");
        entries.forEach((name, bytes) -> assertThat(text(bytes)).as(name).doesNotContain(OTHER));
        assertThat(text(entries.get("events.jsonl"))).as("no subject reference, not even sealed").doesNotContain("ciphertext");

        Verification tampered = verify(Bundles.rewrite(zip, "events.jsonl", events -> text(events)
                .replace("\"late\":true", "\"late\":false").getBytes(StandardCharsets.UTF_8)), key);
        assertThat(tampered.checks().stream().filter(Check::failed).map(Check::name))
                .contains(Checks.FILES, Checks.PAYLOAD_HASHES);
    }

    private void reportAndNotifyTheBreach() {
        created(api.post("/api/v1/breaches", PUBLISHER, """
                {"breachId":"%s","status":"CONFIRMED","discoveredAt":"%s","agreementIds":["%s","%s"],
                 "description":"support laptop lost","categories":["SURNAME"],"estimatedSubjects":12}"""
                .formatted(BREACH, discovered, OTHER, AUDITED)));
        created(notify("n-elsewhere", OTHER, discovered.plus(Duration.ofHours(2))));
        created(notify("n-audited", AUDITED, discovered.plus(Duration.ofHours(27))));
    }

    private Api.Response notify(String id, String agreement, Instant at) {
        return api.post("/api/v1/breaches/" + BREACH + "/notifications", PUBLISHER, """
                {"notificationId":"%s","recipient":"CONTROLLER","agreementId":"%s","notifiedAt":"%s",
                 "cause":"laptop left on a train","proposedSolution":"remote wipe","informedParties":["CONTROLLER"]}"""
                .formatted(id, agreement, at));
    }

    private void receiveAndForwardTheRequest() {
        created(api.post("/api/v1/subject-requests", PUBLISHER, """
                {"requestId":"%s","agreementId":"%s","type":"ACCESS","receivedBy":"PROCESSOR","receivedOn":"%s",
                 "subjectRef":"patient-facts-1"}""".formatted(REQUEST, AUDITED, monday)));
        created(api.post("/api/v1/subject-requests/" + REQUEST + "/forwarding", PUBLISHER,
                "{\"on\":\"" + monday.plusDays(3) + "\"}"));
    }

    private void requestTheAuditAndShareItsFindings() {
        created(api.post("/api/v1/audits", PUBLISHER, """
                {"auditId":"%s","agreementId":"%s","requestedOn":"%s","auditor":"K. Visser RE"}"""
                .formatted(AUDIT, AUDITED, monday)));
        created(api.post("/api/v1/audits/" + AUDIT + "/findings", PUBLISHER, """
                {"findingId":"f-1","findings":"%s","sharedOn":"%s"}""".formatted(FINDINGS, monday.plusDays(2))));
    }

    /** The facts the audited agreement's chain holds, by source type, once the last of each kind is among them. */
    private List<String> awaitMirroredFacts() {
        List<String> types = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            types.clear();
            for (JsonNode event : api.get("/api/v1/agreements/" + AUDITED + "/events", AUDITOR).json().get("events")) {
                JsonNode fact = event.get("payload").path("fact");
                if (!fact.isMissingNode()) {
                    types.add(fact.get("factType").asText());
                }
            }
            assertThat(types).contains("SubjectRequestForwarded", "BreachNotified", "FindingsShared");
        });
        return types;
    }

    private byte[] export(Instant from, Instant to) {
        Api.Response exported = api.post("/api/v1/evidence-bundles", AUDITOR, """
                {"agreementId":"%s","from":"%s","to":"%s"}""".formatted(AUDITED, from, to));
        created(exported);
        return api.getBytes("/api/v1/evidence-bundles/" + exported.json().get("bundleId").asText(), AUDITOR);
    }

    private Verification verify(byte[] zip, VerificationKey key) throws IOException {
        Path file = Files.createTempFile(directory, "bundle", ".zip");
        Files.write(file, zip);
        return BundleVerifier.verify(file, Optional.of(key), Optional.empty());
    }

    private static void created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
