package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.AUDITOR;
import static nl.evidencestore.infra.support.Principals.AUDITED_CONTROLLER;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.OTHER_DOCUMENT;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.infra.support.StoredEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets the status of api.md as problem+json, and appends nothing. */
class BadInputIT {
    private static final Api api = StoreUnderTest.api();
    private static long positionOfTheAuditedAgreement;

    @BeforeAll
    static void agreements() {
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-bad-input", "practice-bad-input"));
        positionOfTheAuditedAgreement = api.post("/api/v1/agreements", PUBLISHER,
                draft("agr-audited", AUDITED_CONTROLLER)).json().get("position").asLong();
    }

    @Test
    void malformedJsonIsA400() {
        assertRefused(() -> api.post("/api/v1/agreements", PUBLISHER, "{\"agreementId\":"), 400);
    }

    @Test
    void aWrongTypeIsA400NamingTheField() {
        Api.Response response = assertRefused(() -> api.post("/api/v1/agreements/agr-bad-input/signatures", PUBLISHER,
                "{\"party\":\"CONTROLLER\",\"signatory\":[1],\"place\":\"Zwolle\",\"signedOn\":\"2026-03-01\"}"), 400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("signatory");
    }

    @Test
    void anInvalidDateIsA400() {
        assertRefused(() -> api.post("/api/v1/agreements/agr-bad-input/signatures", PUBLISHER,
                signature("CONTROLLER", "2026-02-30", null)), 400);
    }

    @Test
    void aSignatureForAnUnknownAgreementIsA422() {
        assertRefused(() -> api.post("/api/v1/agreements/agr-never-drafted/signatures", PUBLISHER,
                signature("CONTROLLER", "2026-03-01", null)), 422);
    }

    @Test
    void aSignatureOverAnotherTextIsA422NamingTheArticle() {
        Api.Response response = assertRefused(() -> api.post("/api/v1/agreements/agr-bad-input/signatures", PUBLISHER,
                signature("PROCESSOR", "2026-03-01", OTHER_DOCUMENT)), 422);
        assertThat(response.json().get("article").asText()).isEqualTo("11.1");
    }

    @Test
    void withoutATokenItIsA401() {
        assertRefused(() -> api.post("/api/v1/agreements", null, draft("agr-no-token", "practice-x")), 401);
        assertRefused(() -> api.post("/api/v1/agreements", "not-a-token", draft("agr-no-token", "practice-x")), 401);
    }

    @Test
    void readersMayNotPublish() {
        assertRefused(() -> api.post("/api/v1/agreements", SECURITY, draft("agr-wrong-role", "practice-x")), 403);
        assertRefused(() -> api.post("/api/v1/agreements", AUDITOR, draft("agr-wrong-role", "practice-x")), 403);
    }

    @Test
    void publishersMayNotRead() {
        assertThat(api.get("/api/v1/agreements/agr-bad-input", PUBLISHER).status()).isEqualTo(403);
    }

    @Test
    void anAuditorSeesOnlyTheirOwnControllers() {
        assertThat(api.get("/api/v1/agreements/agr-audited?minPosition=" + positionOfTheAuditedAgreement, AUDITOR)
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1/agreements/agr-bad-input", AUDITOR).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/agreements?controllerId=practice-bad-input", AUDITOR).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/agreements", AUDITOR).json().get("items"))
                .allSatisfy(item -> assertThat(item.get("controllerId").asText()).isEqualTo(AUDITED_CONTROLLER));
    }

    @Test
    void anUnknownAgreementIsA404ForReaders() {
        assertThat(api.get("/api/v1/agreements/agr-nowhere", SECURITY).status()).isEqualTo(404);
    }

    private static Api.Response assertRefused(Supplier<Api.Response> call, int status) {
        long before = StoredEvents.count(StoreUnderTest.eventStoreUrl());
        Api.Response response = call.get();
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(StoredEvents.count(StoreUnderTest.eventStoreUrl())).isEqualTo(before);
        return response;
    }
}
