package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.ADMIN;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.DOCUMENT;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.infra.support.StoredEvents;
import org.junit.jupiter.api.Test;

/** Art. 11.1 end to end: HTTP → aggregate → PostgreSQL → Kafka → projections → HTTP. */
class AgreementLifecycleIT {
    private final Api api = StoreUnderTest.api();

    @Test
    void anAgreementSignedByBothPartiesIsEffectiveFromTheLaterSignature() {
        assertThat(api.post("/api/v1/agreements", PUBLISHER, draft("agr-lifecycle", "practice-lifecycle")).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/agreements/agr-lifecycle/signatures", PUBLISHER,
                signature("PROCESSOR", "2026-03-05", DOCUMENT)).status()).isEqualTo(201);
        Api.Response last = api.post("/api/v1/agreements/agr-lifecycle/signatures", PUBLISHER,
                signature("CONTROLLER", "2026-03-01", null));
        assertThat(last.status()).isEqualTo(201);
        long position = last.json().get("position").asLong();
        assertThat(last.json().get("eventIds")).hasSize(2); // the signature, and the agreement taking effect

        JsonNode now = api.get("/api/v1/agreements/agr-lifecycle?minPosition=" + position, SECURITY).json();
        assertThat(now.get("status").asText()).isEqualTo("EFFECTIVE");
        assertThat(now.get("effectiveOn").asText()).isEqualTo("2026-03-05");
        assertThat(now.get("signatures")).hasSize(2);

        JsonNode between = api.get("/api/v1/agreements/agr-lifecycle?asOf=2026-03-03T12:00:00Z", SECURITY).json();
        assertThat(between.get("status").asText()).isEqualTo("DRAFT");
        assertThat(between.get("effectiveOn").isNull()).isTrue();
        assertThat(between.get("signatures")).hasSize(1);
    }

    @Test
    void aRepeatedCommandAnswersTheOriginalAndAppendsNothing() {
        Api.Response first = api.post("/api/v1/agreements", PUBLISHER, draft("agr-repeat", "practice-repeat"));
        long stored = StoredEvents.count(StoreUnderTest.eventStoreUrl());

        Api.Response again = api.post("/api/v1/agreements", ADMIN, draft("agr-repeat", "practice-repeat"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(StoredEvents.count(StoreUnderTest.eventStoreUrl())).isEqualTo(stored);
    }

    @Test
    void theSameKeyWithOtherContentIsAConflict() {
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-conflict", "practice-conflict"));
        api.post("/api/v1/agreements/agr-conflict/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
        long stored = StoredEvents.count(StoreUnderTest.eventStoreUrl());

        Api.Response other = api.post("/api/v1/agreements/agr-conflict/signatures", PUBLISHER,
                signature("CONTROLLER", "2026-03-02", null));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(StoredEvents.count(StoreUnderTest.eventStoreUrl())).isEqualTo(stored);
    }

    @Test
    void theControllersAgreementsAreListed() {
        Api.Response drafted = api.post("/api/v1/agreements", PUBLISHER, draft("agr-listed", "practice-listed"));

        JsonNode list = api.get("/api/v1/agreements?controllerId=practice-listed&minPosition="
                + drafted.json().get("position").asLong(), SECURITY).json();

        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("agreementId").asText()).isEqualTo("agr-listed");
        assertThat(list.get("items").get(0).get("status").asText()).isEqualTo("DRAFT");
    }
}
