package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.ADMIN;
import static nl.evidencestore.infra.support.Principals.AUDITED_CONTROLLER;
import static nl.evidencestore.infra.support.Principals.AUDITOR;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.Bundles;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.shared.event.agreement.EvidenceBundleSealed;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.verify.BundleVerifier;
import nl.evidencestore.shared.evidence.verify.Check;
import nl.evidencestore.shared.evidence.verify.Checks;
import nl.evidencestore.shared.evidence.verify.Verification;
import nl.evidencestore.shared.integrity.VerificationKey;
import nl.evidencestore.shared.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An auditor exports a bundle of their practice's agreement over HTTP and verifies it offline
 * with nothing but the bundle, the store's public key and a checkpoint kept from before.
 */
class EvidenceBundleIT {
    private static final Api api = StoreUnderTest.api();
    private static final String AGREEMENT = "agr-bundle";
    private static Instant from;
    private static Instant to;
    private static VerificationKey key;

    @TempDir
    Path directory;

    @BeforeAll
    static void aPracticeWithAccessesBeforeInAndAfterThePeriod() {
        api.post("/api/v1/agreements", PUBLISHER, draft(AGREEMENT, AUDITED_CONTROLLER));
        api.post("/api/v1/agreements/" + AGREEMENT + "/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
        api.post("/api/v1/agreements/" + AGREEMENT + "/signatures", PUBLISHER, signature("PROCESSOR", "2026-03-02", null));
        accesses("before", 3);
        accesses("inside", 4);
        accesses("after", 2);
        JsonNode events = api.get("/api/v1/agreements/" + AGREEMENT + "/events", SECURITY).json().get("events");
        for (JsonNode event : events) {
            String accessId = event.get("payload").path("accessId").asText("");
            if (accessId.startsWith("inside-")) {
                Instant recorded = Instant.parse(event.get("recordedAt").asText());
                from = from == null ? recorded : from;
                to = recorded;
            }
        }
        key = VerificationKey.fromPem(api.get("/api/v1/public-key", AUDITOR).body());
    }

    @Test
    void anAuditorsBundleVerifiesOfflineWithTheStoresKey() throws IOException {
        JsonNode exported = export(null);
        byte[] zip = api.getBytes("/api/v1/evidence-bundles/" + exported.get("bundleId").asText(), AUDITOR);

        Verification verified = verify(zip, Optional.of(key), Optional.empty());

        assertThat(verified.failed()).as(verified.print()).isFalse();
        assertThat(verified.status(Checks.AUTHENTICITY)).isEqualTo(Check.Status.PASS);
        assertThat(verified.status(Checks.VERDICTS)).isEqualTo(Check.Status.PASS);
        assertThat(verified.status(Checks.EXPORT)).isEqualTo(Check.Status.PASS);
        assertThat(verified.status(Checks.NO_FORK)).isEqualTo(Check.Status.NOT_CHECKED);
        assertThat(exported.get("rootHash").asText()).isEqualTo(proof(zip).get("checkpoint").get("rootHash").asText());
        String csv = new String(Bundles.entries(zip).get("timeline.csv"), StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1)).hasSize(4).allMatch(row -> row.contains("inside-"));
        assertThat(api.getBytes("/api/v1/evidence-bundles/" + exported.get("bundleId").asText(), AUDITOR))
                .as("every download returns the same bytes").isEqualTo(zip);
    }

    @Test
    void withoutTheKeyAuthenticityIsNotEstablishedAndNeverPasses() throws IOException {
        byte[] zip = download(export(null));

        Verification verified = verify(zip, Optional.empty(), Optional.empty());

        assertThat(verified.failed()).as(verified.print()).isFalse();
        assertThat(verified.status(Checks.AUTHENTICITY)).isEqualTo(Check.Status.NOT_ESTABLISHED);
        assertThat(verified.summary()).contains("NOT ESTABLISHED").doesNotContain("VERIFIED");
    }

    @Test
    void aLaterBundleVerifiesAgainstTheCheckpointOfAnEarlierOne() throws IOException {
        JsonNode earlier = export(null);
        JsonNode earlierCheckpoint = proof(download(earlier)).get("checkpoint");
        accesses("later", 2);

        byte[] later = download(export(earlierCheckpoint));
        Verification verified = verify(later, Optional.of(key), Optional.of(Json.write(earlierCheckpoint)));

        assertThat(verified.failed()).as(verified.print()).isFalse();
        assertThat(verified.status(Checks.APPEND_ONLY)).isEqualTo(Check.Status.PASS);
        assertThat(verified.status(Checks.NO_FORK)).isEqualTo(Check.Status.PASS);
        // Art. 9: the later bundle says which root the earlier export produced, as its answer gave it.
        assertThat(sealsIn(later)).filteredOn(seal -> seal.bundleId().equals(earlier.get("bundleId").asText()))
                .singleElement().satisfies(seal -> {
                    assertThat(seal.rootHash()).isEqualTo(earlier.get("rootHash").asText());
                    assertThat(seal.treeSize()).isEqualTo(earlierCheckpoint.get("treeSize").asLong());
                });
        assertThat(verified.check(Checks.EXPORT).orElseThrow().detail()).containsPattern("; [1-9]\\d* earlier export\\(s\\) sealed");
        assertThat(new String(Bundles.entries(later).get("report.html"), StandardCharsets.UTF_8))
                .contains(earlier.get("rootHash").asText());
    }

    @Test
    void oneChangedByteInAnyFileOfARealBundleFailsNamingWhatFailed() throws IOException {
        byte[] zip = download(export(null));
        for (String file : Bundles.entries(zip).keySet()) {
            byte[] tampered = Bundles.rewrite(zip, file, bytes -> {
                byte[] copy = bytes.clone();
                copy[copy.length / 2] ^= 1;
                return copy;
            });

            Verification verified = verify(tampered, Optional.of(key), Optional.empty());

            assertThat(verified.failed()).as("a byte changed in %s", file).isTrue();
            String failedNames = verified.checks().stream().filter(Check::failed).map(Check::print).toList().toString();
            assertThat(failedNames).as("a byte changed in %s", file)
                    .contains(file.equals("manifest.sig") ? "manifest" : file);
        }
    }

    @Test
    void onlyAuditorsOfThatPracticeAndAdminsExport() {
        String body = bundleRequest(null);
        assertThat(api.post("/api/v1/evidence-bundles", SECURITY, body).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/evidence-bundles", PUBLISHER, body).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/evidence-bundles", ADMIN, body).status()).isEqualTo(201);
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-bundle-other", "practice-other"));
        assertThat(api.post("/api/v1/evidence-bundles", AUDITOR,
                bundleRequest(null).replace(AGREEMENT, "agr-bundle-other")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/evidence-bundles/no-such-bundle", AUDITOR).status()).isEqualTo(404);
    }

    @Test
    void aPeriodEndingInTheFutureOrAForeignCheckpointIsRefusedWithA400() {
        String future = """
                {"agreementId":"%s","from":"2026-01-01T00:00:00Z","to":"2999-01-01T00:00:00Z"}""".formatted(AGREEMENT);
        assertThat(api.post("/api/v1/evidence-bundles", AUDITOR, future).status()).isEqualTo(400);
        JsonNode checkpoint = api.get("/api/v1/checkpoints/latest", AUDITOR).json();
        String forged = bundleRequest(checkpoint).replace(checkpoint.get("rootHash").asText(), "0".repeat(64));
        assertThat(api.post("/api/v1/evidence-bundles", AUDITOR, forged).status()).isEqualTo(400);
    }

    @Test
    void aRefusedCheckpointIsNotQuotedBack() {
        // A note "signed" under a name of the caller's choosing, with that name's key id: the
        // signature fails, and the 400 says so without repeating the name.
        JsonNode checkpoint = api.get("/api/v1/checkpoints/latest", AUDITOR).json();
        String origin = checkpoint.get("origin").asText();
        String name = "ECHO-ME-12345";
        String note = checkpoint.get("note").asText();
        String signature = note.substring(note.lastIndexOf(' ') + 1).trim();
        byte[] signed = java.util.Base64.getDecoder().decode(signature);
        System.arraycopy(key.keyId(name), 0, signed, 0, 4);
        String crafted = note.replace(origin + "\n", name + "\n")
                .replace("— " + origin + " " + signature, "— " + name + " " + java.util.Base64.getEncoder().encodeToString(signed));
        String request = bundleRequest(((com.fasterxml.jackson.databind.node.ObjectNode) checkpoint.deepCopy())
                .put("origin", name).put("note", crafted));

        Api.Response response = api.post("/api/v1/evidence-bundles", AUDITOR, request);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain(name);
    }

    private static JsonNode export(JsonNode previousCheckpoint) {
        Api.Response response = api.post("/api/v1/evidence-bundles", AUDITOR, bundleRequest(previousCheckpoint));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static String bundleRequest(JsonNode previousCheckpoint) {
        String previous = previousCheckpoint == null ? "" : ",\"previousCheckpoint\":" + previousCheckpoint;
        return """
                {"agreementId":"%s","from":"%s","to":"%s"%s}""".formatted(AGREEMENT, from, to, previous);
    }

    private static byte[] download(JsonNode exported) {
        return api.getBytes("/api/v1/evidence-bundles/" + exported.get("bundleId").asText(), AUDITOR);
    }

    private Verification verify(byte[] zip, Optional<VerificationKey> trusted, Optional<byte[]> previous)
            throws IOException {
        Path file = Files.createTempFile(directory, "bundle", ".zip");
        Files.write(file, zip);
        return BundleVerifier.verify(file, trusted, previous);
    }

    private static void accesses(String prefix, int count) {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"accessId":"%s-%d","agreementId":"%s","actor":{"id":"robot-7","kind":"SYSTEM"},
                     "purpose":"REMOTE_SUPPORT","categories":["SURNAME"],"subjectRef":"patient-%d","country":"NL",
                     "system":"remote-support","occurredAt":"2026-04-01T09:00:00Z"}""".formatted(prefix, i, AGREEMENT, i));
        }
        assertThat(api.post("/api/v1/access-events", PUBLISHER, batch.append("]").toString()).status()).isEqualTo(201);
    }

    private static List<EvidenceBundleSealed> sealsIn(byte[] zip) throws IOException {
        String events = new String(Bundles.entries(zip).get("events.jsonl"), StandardCharsets.UTF_8);
        return events.lines().map(line -> EventLine.parse(line.getBytes(StandardCharsets.UTF_8)))
                .filter(line -> !line.isStub()).flatMap(line -> line.event().stream())
                .filter(EvidenceBundleSealed.class::isInstance).map(EvidenceBundleSealed.class::cast).toList();
    }

    private static JsonNode proof(byte[] zip) throws IOException {
        return Json.mapper().readTree(Bundles.entries(zip).get("proof.json"));
    }
}
