package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.AUDITED_CONTROLLER;
import static nl.evidencestore.infra.support.Principals.AUDITOR;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.infra.support.StoredEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Art. 8 end to end: disclosures recorded in their agreement's stream with a verdict, never refused for it. */
class DisclosureIT {
    private static final Api api = StoreUnderTest.api();

    @BeforeAll
    static void agreements() {
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-it-disclosures", AUDITED_CONTROLLER));
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-it-disclosures-other", "practice-disclosures-other"));
    }

    private static String disclosure(String disclosureId, String agreementId, String legalBasis, String extra) {
        return """
                {"disclosureId":"%s","agreementId":"%s","recipient":"Kaakchirurgie Centrum","legalBasis":"%s",%s
                 "categories":["SURNAME","DENTAL_PHOTOS"],"disclosedOn":"2026-04-02"}
                """.formatted(disclosureId, agreementId, legalBasis, extra);
    }

    @Test
    void compliantAndViolatingDisclosuresAreBothRecordedWithTheirVerdicts() {
        assertThat(api.post("/api/v1/disclosures", PUBLISHER,
                disclosure("dis-it-1", "agr-it-disclosures", "NECESSARY_FOR_ASSIGNMENT", "")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/disclosures", PUBLISHER,
                disclosure("dis-it-2", "agr-it-disclosures", "OTHER", "\"description\":\"Sent to a marketing agency\","))
                .status()).isEqualTo(201);
        Api.Response last = api.post("/api/v1/disclosures", PUBLISHER,
                disclosure("dis-it-3", "agr-it-disclosures", "CONTROLLER_CONSENT", ""));
        assertThat(last.status()).isEqualTo(201);

        JsonNode list = api.get("/api/v1/agreements/agr-it-disclosures/disclosures?minPosition="
                + last.json().get("position").asLong(), AUDITOR).json();

        assertThat(list.get("items")).hasSize(3);
        assertThat(list.at("/items/0/verdict").asText()).isEqualTo("COMPLIANT");
        assertThat(list.at("/items/1/verdict").asText()).isEqualTo("VIOLATION");
        assertThat(list.at("/items/1/violations/0/article").asText()).isEqualTo("8.1");
        assertThat(list.at("/items/2/violations/0/article").asText()).isEqualTo("8.1");
        assertThat(list.at("/items/0/categories/1/sensitive").asBoolean()).isTrue();
    }

    @Test
    void aDisclosureIsAFactInItsAgreementsStream() {
        Api.Response recorded = api.post("/api/v1/disclosures", PUBLISHER,
                disclosure("dis-it-stream", "agr-it-disclosures-other", "LEGAL_OBLIGATION", ""));

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(StoredEvents.streamOf(StoreUnderTest.eventStoreUrl(), recorded.json().at("/eventIds/0").asText()))
                .isEqualTo("agr-it-disclosures-other");
    }

    @Test
    void anotherBasisWithoutADescriptionIsRecordedAsAViolationNotRefused() {
        long before = StoredEvents.count(StoreUnderTest.eventStoreUrl());

        Api.Response recorded = api.post("/api/v1/disclosures", PUBLISHER,
                disclosure("dis-it-bare", "agr-it-disclosures", "OTHER", ""));

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(StoredEvents.count(StoreUnderTest.eventStoreUrl())).isEqualTo(before + 1);
        JsonNode listed = api.get("/api/v1/agreements/agr-it-disclosures/disclosures?minPosition="
                + recorded.json().get("position").asLong(), SECURITY).json();
        assertThat(listed.toString()).contains("dis-it-bare").contains("\"article\":\"8.1\"");
    }

    @Test
    void aDisclosureUnderAnUnknownAgreementIsA422() {
        assertThat(api.post("/api/v1/disclosures", PUBLISHER,
                disclosure("dis-it-nowhere", "agr-it-nowhere", "LEGAL_OBLIGATION", "")).status()).isEqualTo(422);
    }

    @Test
    void anAuditorDoesNotSeeAnotherControllersDisclosures() {
        Api.Response recorded = api.post("/api/v1/disclosures", PUBLISHER,
                disclosure("dis-it-hidden", "agr-it-disclosures-other", "LEGAL_OBLIGATION", ""));
        String minPosition = "?minPosition=" + recorded.json().get("position").asLong();

        assertThat(api.get("/api/v1/agreements/agr-it-disclosures-other/disclosures" + minPosition, SECURITY).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/agreements/agr-it-disclosures-other/disclosures" + minPosition, AUDITOR).status())
                .isEqualTo(404);
    }
}
