package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.AUDITED_CONTROLLER;
import static nl.evidencestore.infra.support.Principals.AUDITOR;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Requests.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.infra.support.StoredEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Art. 9 end to end: an audit requested under an agreement, its findings shared, read by the controller's auditor. */
class AuditIT {
    private static final Api api = StoreUnderTest.api();

    @BeforeAll
    static void agreements() {
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-it-audits", AUDITED_CONTROLLER));
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-it-audits-other", "practice-audits-other"));
    }

    private static String request(String auditId, String agreementId) {
        return """
                {"auditId":"%s","agreementId":"%s","requestedOn":"2026-04-01","auditor":"K. Visser RE"}
                """.formatted(auditId, agreementId);
    }

    private static String findings(String findingId, String sharedOn) {
        return """
                {"findingId":"%s","findings":"Access logs complete; two accounts without two-factor sign-in","sharedOn":"%s"}
                """.formatted(findingId, sharedOn);
    }

    @Test
    void anAuditIsRequestedItsFindingsSharedAndTheControllersAuditorReadsThem() {
        assertThat(api.post("/api/v1/audits", PUBLISHER, request("audit-it-1", "agr-it-audits")).status()).isEqualTo(201);
        Api.Response shared = api.post("/api/v1/audits/audit-it-1/findings", PUBLISHER, findings("f-1", "2026-04-20"));
        assertThat(shared.status()).isEqualTo(201);

        JsonNode list = api.get("/api/v1/agreements/agr-it-audits/audits?minPosition="
                + shared.json().get("position").asLong(), AUDITOR).json();

        assertThat(list.get("items")).singleElement().satisfies(audit -> {
            assertThat(audit.get("auditId").asText()).isEqualTo("audit-it-1");
            assertThat(audit.get("auditor").asText()).isEqualTo("K. Visser RE");
            assertThat(audit.at("/findings/0/findingId").asText()).isEqualTo("f-1");
            assertThat(audit.at("/findings/0/sharedOn").asText()).isEqualTo("2026-04-20");
        });
        assertThat(StoredEvents.streamOf(StoreUnderTest.eventStoreUrl(), shared.json().at("/eventIds/0").asText()))
                .isEqualTo("audit/audit-it-1");
    }

    @Test
    void anAuditOfAnUnknownAgreementIsA422AndAppendsNothing() {
        long before = StoredEvents.count(StoreUnderTest.eventStoreUrl());

        assertThat(api.post("/api/v1/audits", PUBLISHER, request("audit-it-nowhere", "agr-it-nowhere")).status())
                .isEqualTo(422);
        assertThat(StoredEvents.count(StoreUnderTest.eventStoreUrl())).isEqualTo(before);
    }

    @Test
    void findingsBeforeTheRequestOrOfAnUnknownAuditAreA422() {
        api.post("/api/v1/audits", PUBLISHER, request("audit-it-2", "agr-it-audits"));

        Api.Response early = api.post("/api/v1/audits/audit-it-2/findings", PUBLISHER, findings("f-early", "2026-03-31"));
        Api.Response unknown = api.post("/api/v1/audits/audit-it-never/findings", PUBLISHER, findings("f-1", "2026-04-20"));

        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("article").asText()).isEqualTo("9.3");
        assertThat(unknown.status()).isEqualTo(422);
    }

    @Test
    void anAuditorDoesNotSeeAnotherControllersAudits() {
        Api.Response requested = api.post("/api/v1/audits", PUBLISHER, request("audit-it-other", "agr-it-audits-other"));

        assertThat(api.get("/api/v1/agreements/agr-it-audits-other/audits?minPosition="
                + requested.json().get("position").asLong(), AUDITOR).status()).isEqualTo(404);
    }
}
