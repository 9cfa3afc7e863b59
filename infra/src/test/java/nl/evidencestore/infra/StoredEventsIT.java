package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.AUDITOR;
import static nl.evidencestore.infra.support.Principals.AUDITED_CONTROLLER;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An agreement's stored events, in order, page by page, as the event store holds them. */
class StoredEventsIT {
    private static final Api api = StoreUnderTest.api();

    @BeforeAll
    static void agreements() {
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-stored", "practice-stored"));
        api.post("/api/v1/agreements/agr-stored/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
        api.post("/api/v1/agreements/agr-stored/signatures", PUBLISHER, signature("PROCESSOR", "2026-03-05", null));
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-stored-audited", AUDITED_CONTROLLER));
    }

    @Test
    void theEventsComeInSequenceOrderPageByPage() {
        JsonNode first = api.get("/api/v1/agreements/agr-stored/events?limit=2", SECURITY).json();
        assertThat(first.get("events")).hasSize(2);
        assertThat(first.get("events").get(0).get("type").asText()).isEqualTo("AgreementDrafted");
        assertThat(first.get("events").get(1).get("sequence").asLong()).isEqualTo(1);
        assertThat(first.get("nextSequence").asLong()).isEqualTo(2);

        JsonNode rest = api.get("/api/v1/agreements/agr-stored/events?fromSequence=2", SECURITY).json();
        assertThat(rest.get("events")).extracting(event -> event.get("type").asText())
                .containsExactly("AgreementSigned", "AgreementTookEffect");
        assertThat(rest.get("events").get(1).get("payload").get("effectiveOn").asText()).isEqualTo("2026-03-05");
        assertThat(rest.has("nextSequence")).isFalse();
    }

    @Test
    void everyEventIsChainedToTheOneBeforeByAHashOverItsEnvelopeAndStoredBytes() {
        JsonNode events = api.get("/api/v1/agreements/agr-stored/events", SECURITY).json().get("events");
        String previous = EventHash.GENESIS;
        for (JsonNode event : events) {
            byte[] payload = Json.canonical(event.get("payload"));
            EventEnvelope envelope = new EventEnvelope(1, event.get("eventId").asText(), event.get("type").asText(),
                    "agr-stored", event.get("sequence").asLong(), Instant.parse(event.get("occurredAt").asText()),
                    Instant.parse(event.get("recordedAt").asText()), event.get("prevHash").asText(),
                    EventHash.payloadSha256(payload));

            assertThat(envelope.prevHash()).as("prevHash of %s", envelope.sequence()).isEqualTo(previous);
            assertThat(event.get("payloadSha256").asText()).isEqualTo(envelope.payloadSha256());
            assertThat(event.get("hash").asText()).isEqualTo(EventHash.of(envelope));
            previous = event.get("hash").asText();
        }
        assertThat(events).hasSize(4);
    }

    @Test
    void anAuditorReadsOnlyTheirControllersAgreements() {
        assertThat(api.get("/api/v1/agreements/agr-stored-audited/events", AUDITOR).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/agreements/agr-stored/events", AUDITOR).status()).isEqualTo(404);
    }

    @Test
    void badPagingIsA400AndAnUnknownAgreementA404() {
        assertThat(api.get("/api/v1/agreements/agr-stored/events?limit=10001", SECURITY).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/agreements/agr-stored/events?fromSequence=x", SECURITY).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/agreements/agr-none/events", SECURITY).status()).isEqualTo(404);
    }

    @Test
    void minPositionReadsYourWritesAndAPositionNoCommandReturnedIsA503WithTheHead() {
        long position = api.post("/api/v1/agreements", PUBLISHER, draft("agr-stored-position", "practice-stored"))
                .json().get("position").asLong();

        Api.Response read = api.get("/api/v1/agreements/agr-stored-position/events?minPosition=" + position, SECURITY);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("events")).extracting(event -> event.get("type").asText()).containsExactly("AgreementDrafted");
        assertThat(api.get("/api/v1/agreements/agr-stored-position/events?minPosition=x", SECURITY).status()).isEqualTo(400);

        Api.Response ahead = api.get("/api/v1/agreements/agr-stored-position/events?minPosition=" + (position + 1_000_000_000L), SECURITY);
        assertThat(ahead.status()).isEqualTo(503);
        assertThat(ahead.json().get("currentPosition").asLong()).isGreaterThanOrEqualTo(position);
    }
}
