package nl.evidencestore.query.agreement;

import static nl.evidencestore.query.Fixtures.AGREEMENT;
import static nl.evidencestore.query.Fixtures.CONTROLLER;
import static nl.evidencestore.query.Fixtures.OTHER_AGREEMENT;
import static nl.evidencestore.query.Fixtures.OTHER_CONTROLLER;
import static nl.evidencestore.query.Fixtures.PROCESSOR_SIGNED_RECORDED;
import static nl.evidencestore.query.Fixtures.addAsRecords;
import static nl.evidencestore.query.Fixtures.lifecycle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.Fixtures;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.json.RawJson;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.Party;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementStateProjectionTest {
    private final AppliedPosition applied = new AppliedPosition(15);
    private final AgreementStateProjection projection = new AgreementStateProjection(applied,
            Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC));

    private AgreementState asOf(String instant) {
        return projection.asOf(AGREEMENT, Instant.parse(instant), null).orElseThrow();
    }

    @Test
    void isADraftWithTheControllersSignatureBetweenTheTwoSignatures() {
        lifecycle().forEach(projection::on);

        AgreementState state = asOf("2026-03-03T12:00:00Z");

        assertThat(state.status()).isEqualTo(AgreementStatus.DRAFT);
        assertThat(state.effectiveOn()).isNull();
        assertThat(state.signatures()).extracting(AgreementState.Signature::party).containsExactly(Party.CONTROLLER);
    }

    @Test
    void isEffectiveOnTheDayOfTheLastSignature() {
        lifecycle().forEach(projection::on);

        AgreementState state = asOf("2026-03-05T00:30:00Z");

        assertThat(state.status()).isEqualTo(AgreementStatus.EFFECTIVE);
        assertThat(state.effectiveOn()).isEqualTo(LocalDate.parse("2026-03-05"));
        assertThat(state.signatures()).hasSize(2);
    }

    @Test
    void takesEffectAtMidnightInAmsterdamNotInUtc() {
        lifecycle().forEach(projection::on);

        // 5 March 00:00 CET is 4 March 23:00 UTC (summer time starts on 29 March 2026).
        assertThat(asOf("2026-03-04T22:59:59Z").status()).isEqualTo(AgreementStatus.DRAFT);
        assertThat(asOf("2026-03-04T23:00:00Z").status()).isEqualTo(AgreementStatus.EFFECTIVE);
        assertThat(asOf("2026-03-04T23:30:00Z").status()).isEqualTo(AgreementStatus.EFFECTIVE);
    }

    @Test
    void countsASignatureFromTheStartOfItsDayInAmsterdam() {
        lifecycle().forEach(projection::on);

        assertThat(asOf("2026-02-28T22:59:59Z").signatures()).isEmpty();
        assertThat(asOf("2026-02-28T23:00:00Z").signatures()).hasSize(1);
    }

    @Test
    void isStillADraftAsKnownBeforeTheSecondSignatureWasRecorded() {
        lifecycle().forEach(projection::on);

        AgreementState state = projection.asOf(AGREEMENT, Instant.parse("2026-03-10T00:00:00Z"),
                PROCESSOR_SIGNED_RECORDED.minusSeconds(1)).orElseThrow();

        assertThat(state.status()).isEqualTo(AgreementStatus.DRAFT);
        assertThat(state.signatures()).hasSize(1);
        assertThat(state.knownAt()).isEqualTo(PROCESSOR_SIGNED_RECORDED.minusSeconds(1));
    }

    @Test
    void doesNotExistAsKnownBeforeItWasDrafted() {
        lifecycle().forEach(projection::on);

        assertThat(projection.asOf(AGREEMENT, Instant.parse("2026-03-10T00:00:00Z"),
                Fixtures.DRAFTED_RECORDED.minusSeconds(1))).isEmpty();
    }

    @Test
    void appliesARedeliveredEventOnce() {
        lifecycle().forEach(projection::on);
        projection.on(lifecycle().get(1));

        assertThat(asOf("2026-03-03T12:00:00Z").signatures()).hasSize(1);
    }

    @Test
    void ignoresEventTypesItDoesNotFold() {
        projection.on(new ForwardedEvent("ev-x", "SomethingNew", AGREEMENT.value(), 1, 1, Instant.EPOCH,
                RawJson.of(Json.mapper().createObjectNode())));

        assertThat(projection.asOf(AGREEMENT, Instant.EPOCH, null)).isEmpty();
    }

    @Test
    void reportsTheAppliedPositionItReflects() {
        lifecycle().forEach(projection::on);
        applied.advanceTo(42);

        assertThat(asOf("2026-03-10T00:00:00Z").position()).isEqualTo(42);
    }

    @Test
    void listsAgreementsWithTheirStatusNowOptionallyForOneController() {
        lifecycle().forEach(projection::on);
        projection.on(Fixtures.otherControllersDraft());

        assertThat(projection.list(Optional.empty()))
                .extracting(AgreementSummary::agreementId, AgreementSummary::status)
                .containsExactly(tuple(AGREEMENT, AgreementStatus.EFFECTIVE),
                        tuple(OTHER_AGREEMENT, AgreementStatus.DRAFT));
        assertThat(projection.list(Optional.of(OTHER_CONTROLLER)))
                .extracting(AgreementSummary::controllerId).containsExactly(OTHER_CONTROLLER);
        assertThat(projection.list(Optional.of(CONTROLLER)).get(0).controllerName()).isEqualTo("Tandartspraktijk De Kies");
    }

    @Test
    void reloadsFromTheIndexAfterARestart(@TempDir Path dir) {
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            addAsRecords(index, lifecycle());
            index.refresh();

            projection.reloadFrom(index);
        }

        assertThat(asOf("2026-03-10T00:00:00Z").status()).isEqualTo(AgreementStatus.EFFECTIVE);
    }

    @Test
    void speaksTheApiContractsJson() {
        lifecycle().forEach(projection::on);

        JsonNode json = Json.mapper().valueToTree(asOf("2026-03-03T12:00:00Z"));

        assertThat(json.get("agreementId").asText()).isEqualTo(AGREEMENT.value());
        assertThat(json.at("/controller/id").asText()).isEqualTo(CONTROLLER.value());
        assertThat(json.at("/processor/name").asText()).isEqualTo("Citodent Imaging B.V.");
        assertThat(json.get("status").asText()).isEqualTo("DRAFT");
        assertThat(json.has("effectiveOn")).isTrue();
        assertThat(json.get("effectiveOn").isNull()).isTrue();
        assertThat(json.has("knownAt")).isFalse();
        assertThat(json.at("/signatures/0/signedOn").asText()).isEqualTo("2026-03-01");
        assertThat(json.at("/dataCategories/1/category").asText()).isEqualTo("BSN");
        assertThat(json.at("/dataCategories/1/sensitive").asBoolean()).isTrue();
        assertThat(json.at("/dataCategories/0/sensitive").asBoolean()).isFalse();
        assertThat(json.at("/purposes/0/purpose").asText()).isEqualTo("REMOTE_SUPPORT");
        assertThat(json.at("/purposes/0/basis").asText()).isEqualTo("AGREEMENT");
        assertThat(json.at("/subProcessors/0/consent/state").asText()).isEqualTo("GRANTED");
        assertThat(json.at("/subProcessors/0/consent/basis").asText()).isEqualTo("ANNEX_2");
        assertThat(json.has("terminatedOn")).isTrue();
        assertThat(json.get("deletionObligation").isNull()).isTrue();
        assertThat(json.get("dataLocations")).isEmpty();
        assertThat(json.get("asOf").asText()).isEqualTo("2026-03-03T12:00:00Z");
        assertThat(json.get("position").asLong()).isEqualTo(15);
    }
}
