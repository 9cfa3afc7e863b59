package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Principals.SECURITY;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.infra.support.StoredEvents;
import org.junit.jupiter.api.Test;

/**
 * A year of one agreement over HTTP (Art. 1, 3, 11): signed in March 2026, instructions,
 * sub-processors and consents, purposes, amendments with an objection, termination a few weeks
 * before today and the deletions after it; the state view asked at several instants along the way.
 */
class AgreementYearIT {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /**
     * After the last of the year's other facts (October 2026), and far enough back that both
     * deletions lie in the past (facts about the past cannot be dated in the future), while the
     * deletion period of 30 days still runs when the test does.
     */
    private static final LocalDate TERMINATED_ON = LocalDate.now(AMSTERDAM).minusDays(26);
    private static final String YEAR = "/api/v1/agreements/agr-year";
    private static final String CERTIFICATE = "c".repeat(64);

    private final Api api = StoreUnderTest.api();
    private long position;

    @Test
    void aYearOfOneAgreementAsOfSeveralInstants() {
        recorded("/api/v1/agreements", draft("agr-year", "practice-year"));
        recorded(YEAR + "/signatures", signature("CONTROLLER", "2026-03-01", null));
        recorded(YEAR + "/signatures", signature("PROCESSOR", "2026-03-05", null));
        for (String location : List.of("workstation-1", "conversion-server-1", "backup-1")) {
            recorded(YEAR + "/data-locations", """
                    {"locationId":"%s","description":"%s at Citodent"}""".formatted(location, location));
        }
        recorded(YEAR + "/instructions", """
                {"instructionId":"ticket-4711","kind":"SUPPORT_TICKET","issuedOn":"2026-03-10","validUntil":"2026-03-31",
                 "purposes":["REMOTE_SUPPORT"],"categories":["SURNAME","DENTAL_PHOTOS"]}""");
        recorded(YEAR + "/sub-processors", """
                {"subProcessorId":"sp-convert","name":"Convert GmbH","country":"DE","services":"database conversion"}""");
        recorded(YEAR + "/sub-processors/sp-convert/consent", """
                {"consentReference":"letter-2026-03-28","grantedOn":"2026-04-01","flowDownContractSha256":"%s"}"""
                .formatted("f".repeat(64)));
        recorded(YEAR + "/transfer-consents", """
                {"country":"IN","consentReference":"letter-2026-04-20","grantedOn":"2026-05-01"}""");
        recorded(YEAR + "/purposes", """
                {"purpose":"STAFF_TRAINING","consentReference":"letter-2026-05-25","grantedOn":"2026-06-01"}""");
        recorded(YEAR + "/amendments", """
                {"amendmentId":"am-1","proposedBy":"PROCESSOR","description":"dental notes, a cloud archive, no more conversions",
                 "noticeGivenOn":"2026-06-15","effectiveOn":"2026-07-15","documentSha256":"%s",
                 "changes":{"addCategories":["DENTAL_NOTES"],"removePurposes":["DATABASE_CONVERSION"],
                   "addSubProcessors":[{"subProcessorId":"sp-cloud","name":"Cloud B.V.","country":"NL","services":"archive"}]}}"""
                .formatted("1".repeat(64)));
        recorded(YEAR + "/sub-processors/sp-convert/consent/revocation", """
                {"revokedOn":"2026-09-01"}""");
        recorded(YEAR + "/amendments", """
                {"amendmentId":"am-2","proposedBy":"PROCESSOR","description":"phone numbers too",
                 "noticeGivenOn":"2026-08-15","effectiveOn":"2026-09-20","documentSha256":"%s",
                 "changes":{"addCategories":["PHONE_NUMBER"]}}""".formatted("2".repeat(64)));
        recorded(YEAR + "/amendments/am-2/objections", """
                {"party":"CONTROLLER","objectedOn":"2026-08-25","terminate":false}""");
        Api.Response termination = recorded(YEAR + "/termination", """
                {"terminatedOn":"%s","reason":"the practice is taken over"}""".formatted(TERMINATED_ON));
        assertThat(termination.json().get("eventIds")).hasSize(2); // ended, and the deletion obligation opened
        recorded(YEAR + "/deletions", deletion("workstation-1", TERMINATED_ON.plusDays(4).toString()));
        recorded(YEAR + "/retention-holds", """
                {"locationId":"backup-1","legalBasis":"WGBO (art. 7:454 BW), on the practice's written instruction",
                 "until":"2037-03-01","categories":["DENTAL_PHOTOS"]}""");
        api.get(YEAR + "?minPosition=" + position, SECURITY);
        Instant beforeTheLastDeletion = Instant.now();
        Api.Response last = recorded(YEAR + "/deletions", deletion("conversion-server-1", TERMINATED_ON.plusDays(24).toString()));
        assertThat(last.json().get("eventIds")).hasSize(2); // the deletion, and the obligation fulfilled

        JsonNode between = asOf("2026-03-03T12:00:00Z");
        assertThat(between.get("status").asText()).isEqualTo("DRAFT");
        assertThat(between.get("signatures")).hasSize(1);

        JsonNode april = asOf("2026-04-15T10:00:00Z");
        assertThat(april.get("status").asText()).isEqualTo("EFFECTIVE");
        assertThat(april.get("effectiveOn").asText()).isEqualTo("2026-03-05");
        assertThat(subProcessor(april, "sp-hosting").at("/consent/basis").asText()).isEqualTo("ANNEX_2");
        assertThat(subProcessor(april, "sp-convert").at("/consent/state").asText()).isEqualTo("GRANTED");
        assertThat(subProcessor(april, "sp-convert").at("/consent/consentReference").asText()).isEqualTo("letter-2026-03-28");
        assertThat(april.at("/instructions/0/instructionId").asText()).isEqualTo("ticket-4711");
        // BSN and health data are marked sensitive wherever the state shows a category (domain.md).
        assertThat(april.at("/instructions/0/categories/1/category").asText()).isEqualTo("DENTAL_PHOTOS");
        assertThat(april.at("/instructions/0/categories/1/sensitive").asBoolean()).isTrue();
        assertThat(april.at("/instructions/0/categories/0/sensitive").asBoolean()).isFalse();
        assertThat(april.get("transferConsents")).isEmpty();
        assertThat(names(april.get("purposes"), "purpose")).containsExactly("REMOTE_SUPPORT", "DATABASE_CONVERSION");

        JsonNode summer = asOf("2026-08-01T10:00:00Z");
        assertThat(summer.at("/amendments/0/status").asText()).isEqualTo("EFFECTIVE");
        assertThat(names(summer.get("dataCategories"), "category")).containsExactly("SURNAME", "BSN", "DENTAL_PHOTOS", "DENTAL_NOTES");
        assertThat(summer.at("/dataCategories/3/sensitive").asBoolean()).isTrue();
        assertThat(summer.at("/amendments/0/changes/addCategories/0/category").asText()).isEqualTo("DENTAL_NOTES");
        assertThat(summer.at("/amendments/0/changes/addCategories/0/sensitive").asBoolean()).isTrue();
        assertThat(names(summer.get("purposes"), "purpose")).containsExactly("REMOTE_SUPPORT", "STAFF_TRAINING");
        assertThat(summer.at("/purposes/1/basis").asText()).isEqualTo("CONSENT");
        assertThat(summer.at("/purposes/1/consentReference").asText()).isEqualTo("letter-2026-05-25");
        assertThat(subProcessor(summer, "sp-cloud").at("/consent/basis").asText()).isEqualTo("AMENDMENT");
        assertThat(summer.at("/transferConsents/0/country").asText()).isEqualTo("IN");

        JsonNode autumn = asOf("2026-10-01T10:00:00Z");
        assertThat(subProcessor(autumn, "sp-convert").at("/consent/state").asText()).isEqualTo("REVOKED");
        assertThat(subProcessor(autumn, "sp-convert").at("/consent/revokedOn").asText()).isEqualTo("2026-09-01");
        assertThat(autumn.at("/amendments/1/status").asText()).isEqualTo("OBJECTED");
        assertThat(names(autumn.get("dataCategories"), "category")).doesNotContain("PHONE_NUMBER");
        assertThat(autumn.get("deletionObligation").isNull()).isTrue();

        JsonNode ended = asOf(TERMINATED_ON.plusDays(1) + "T10:00:00Z");
        assertThat(ended.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(ended.get("terminatedOn").asText()).isEqualTo(TERMINATED_ON.toString());
        assertThat(ended.at("/deletionObligation/status").asText()).isEqualTo("OPEN");
        // 30 days after the termination, at the start of that day in Amsterdam.
        assertThat(Instant.parse(ended.at("/deletionObligation/dueAt").asText()))
                .isEqualTo(TERMINATED_ON.plusDays(30).atStartOfDay(AMSTERDAM).toInstant());
        assertThat(names(ended.get("dataLocations"), "state")).containsExactly("OPEN", "OPEN", "HELD");

        JsonNode done = asOf(TERMINATED_ON.plusDays(35) + "T10:00:00Z");
        assertThat(done.at("/deletionObligation/status").asText()).isEqualTo("FULFILLED");
        assertThat(done.at("/deletionObligation/fulfilledOn").asText()).isEqualTo(TERMINATED_ON.plusDays(24).toString());
        assertThat(names(done.get("dataLocations"), "state")).containsExactly("DELETED", "DELETED", "HELD");
        assertThat(done.at("/dataLocations/0/deletion/certificateSha256").asText()).isEqualTo(CERTIFICATE);
        assertThat(done.at("/dataLocations/2/retentionHold/until").asText()).isEqualTo("2037-03-01");
        assertThat(done.at("/dataLocations/0/deletion/categories/1/sensitive").asBoolean()).isTrue();
        assertThat(done.at("/dataLocations/2/retentionHold/categories/0/category").asText()).isEqualTo("DENTAL_PHOTOS");
        assertThat(done.at("/dataLocations/2/retentionHold/categories/0/sensitive").asBoolean()).isTrue();

        JsonNode asKnownBefore = api.get(YEAR + "?asOf=" + TERMINATED_ON.plusDays(35) + "T10:00:00Z&knownAt="
                + beforeTheLastDeletion, SECURITY).json();
        assertThat(asKnownBefore.at("/deletionObligation/status").asText()).isEqualTo("OVERDUE");
        assertThat(asKnownBefore.at("/deletionObligation/openLocationIds/0").asText()).isEqualTo("conversion-server-1");
    }

    @Test
    void aTerminationRecordedAfterTheDeletionPeriodIsOverdueAtOnce() {
        String late = "/api/v1/agreements/agr-year-late";
        recorded("/api/v1/agreements", draft("agr-year-late", "practice-year-late"));
        recorded(late + "/signatures", signature("CONTROLLER", "2026-03-01", null));
        recorded(late + "/signatures", signature("PROCESSOR", "2026-03-05", null));
        recorded(late + "/data-locations", """
                {"locationId":"workstation-9","description":"a support workstation"}""");

        Api.Response termination = recorded(late + "/termination", """
                {"terminatedOn":"2026-06-01","reason":"the practice closed"}""");
        assertThat(termination.json().get("eventIds")).hasSize(3); // ended, obligation opened, and overdue already
        JsonNode overdue = api.get(late + "?minPosition=" + position, SECURITY).json();
        assertThat(overdue.at("/deletionObligation/status").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.at("/deletionObligation/overdue/0/locationIds/0").asText()).isEqualTo("workstation-9");

        recorded(late + "/deletions", deletion("workstation-9", "2026-11-20"));
        JsonNode fulfilled = api.get(late + "?minPosition=" + position, SECURITY).json();
        assertThat(fulfilled.at("/deletionObligation/status").asText()).isEqualTo("FULFILLED");
        assertThat(fulfilled.at("/deletionObligation/overdue")).hasSize(1); // what was late stays on the record
    }

    @Test
    void refusalsNameTheirArticleAndAppendNothing() {
        String refused = "/api/v1/agreements/agr-year-refused";
        recorded("/api/v1/agreements", draft("agr-year-refused", "practice-year-refused"));
        recorded(refused + "/signatures", signature("CONTROLLER", "2026-03-01", null));
        recorded(refused + "/signatures", signature("PROCESSOR", "2026-03-05", null));

        assertThat(refusedWith(() -> api.post(refused + "/sub-processors/sp-nobody/consent", PUBLISHER, """
                {"consentReference":"letter-1","grantedOn":"2026-04-01"}"""))).isEqualTo("3.1");
        assertThat(refusedWith(() -> api.post(refused + "/amendments", PUBLISHER, """
                {"amendmentId":"am-short","proposedBy":"PROCESSOR","description":"too soon","noticeGivenOn":"2026-05-15",
                 "effectiveOn":"2026-06-14","documentSha256":"%s"}""".formatted("3".repeat(64))))).isEqualTo("11.3");
        assertThat(refusedWith(() -> api.post(refused + "/deletions", PUBLISHER, deletion("nowhere", "2026-05-01"))))
                .isEqualTo("11.2");
        assertThat(refusedWith(() -> api.post(refused + "/termination", PUBLISHER, """
                {"terminatedOn":"2026-03-05","reason":"on the first day"}"""))).isEqualTo("11.2");
    }

    private static String deletion(String locationId, String deletedOn) {
        return """
                {"locationId":"%s","deletedOn":"%s","method":"NIST 800-88 purge","categories":["SURNAME","DENTAL_PHOTOS"],
                 "certificateSha256":"%s"}""".formatted(locationId, deletedOn, CERTIFICATE);
    }

    private Api.Response recorded(String path, String body) {
        Api.Response response = api.post(path, PUBLISHER, body);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(201);
        position = response.json().get("position").asLong();
        return response;
    }

    private JsonNode asOf(String instant) {
        Api.Response response = api.get(YEAR + "?asOf=" + instant + "&minPosition=" + position, SECURITY);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String refusedWith(Supplier<Api.Response> call) {
        long before = StoredEvents.count(StoreUnderTest.eventStoreUrl());
        Api.Response response = call.get();
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(StoredEvents.count(StoreUnderTest.eventStoreUrl())).isEqualTo(before);
        return response.json().get("article").asText();
    }

    private static JsonNode subProcessor(JsonNode state, String id) {
        for (JsonNode s : state.get("subProcessors")) {
            if (s.get("subProcessorId").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no sub-processor " + id + " in " + state);
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.get(field).asText()));
        return names;
    }
}
