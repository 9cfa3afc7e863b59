package nl.evidencestore.query.agreement;

import static nl.evidencestore.query.Fixtures.AGREEMENT;
import static nl.evidencestore.query.Fixtures.forwarded;
import static nl.evidencestore.query.Fixtures.lifecycle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.Category;
import nl.evidencestore.query.agreement.AgreementState.DataLocation;
import nl.evidencestore.query.agreement.AgreementState.SubProcessorState;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.agreement.AgreementTerminated;
import nl.evidencestore.shared.event.agreement.AmendmentObjected;
import nl.evidencestore.shared.event.agreement.AmendmentProposed;
import nl.evidencestore.shared.event.agreement.DataLocationRegistered;
import nl.evidencestore.shared.event.agreement.DeletionConfirmed;
import nl.evidencestore.shared.event.agreement.DeletionObligationOpened;
import nl.evidencestore.shared.event.agreement.DeletionOverdue;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.event.agreement.PurposeAdded;
import nl.evidencestore.shared.event.agreement.RetentionHoldPlaced;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentGranted;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentRevoked;
import nl.evidencestore.shared.event.agreement.SubProcessorProposed;
import nl.evidencestore.shared.event.agreement.TransferConsentGranted;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.AmendmentChanges;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.SubProcessor;
import nl.evidencestore.shared.model.ValidTime;
import nl.evidencestore.shared.terms.AmendmentAt;
import nl.evidencestore.shared.terms.ConsentStatus;
import nl.evidencestore.shared.terms.DeletionAt;
import nl.evidencestore.shared.terms.PurposeAllowance;
import org.junit.jupiter.api.Test;

/** The state view as of an instant, through a year of one agreement (in force from 5 March 2026). */
class AgreementLifecycleViewTest {
    private static final List<DataCategory> PHOTOS = List.of(DataCategory.of("DENTAL_PHOTOS"));
    private static final Instant RECORDED = Instant.parse("2026-03-06T09:00:00Z");
    private static final List<DataCategory> BSN_AND_SURNAME = List.of(DataCategory.of("BSN"), DataCategory.of("SURNAME"));
    private static final JsonNode BSN_AND_SURNAME_MARKED = marked("""
            [{"category":"BSN","sensitive":true},{"category":"SURNAME","sensitive":false}]""");

    private final AgreementStateProjection projection = new AgreementStateProjection(new AppliedPosition(100));
    private long sequence = 4;

    /** The drafted and signed agreement, then these events, each recorded a minute after the one before. */
    private void given(AgreementEvent... events) {
        lifecycle().forEach(projection::on);
        for (AgreementEvent event : events) {
            sequence++;
            projection.on(forwarded("ev-" + sequence, sequence, 20 + sequence, RECORDED.plusSeconds(60 * sequence), event));
        }
    }

    private AgreementState asOf(String day) {
        return projection.asOf(AGREEMENT, ValidTime.startOf(LocalDate.parse(day)).plusSeconds(3600), null).orElseThrow();
    }

    private static SubProcessorState subProcessor(AgreementState state, String id) {
        return state.subProcessors().stream().filter(s -> s.subProcessorId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void showsASubProcessorsConsentAsNoneThenGrantedThenRevoked() {
        given(new SubProcessorProposed(AGREEMENT, new SubProcessor("sp-convert", "Convert GmbH", "DE", "conversion")),
                new SubProcessorConsentGranted(AGREEMENT, "sp-convert", "consent-7", LocalDate.parse("2026-04-01"), "f".repeat(64)),
                new SubProcessorConsentRevoked(AGREEMENT, "sp-convert", LocalDate.parse("2026-06-01")));

        assertThat(subProcessor(asOf("2026-03-20"), "sp-convert").consent().state()).isEqualTo(ConsentStatus.State.NONE);
        ConsentStatus granted = subProcessor(asOf("2026-05-01"), "sp-convert").consent();
        assertThat(granted.state()).isEqualTo(ConsentStatus.State.GRANTED);
        assertThat(granted.basis()).isEqualTo(ConsentStatus.Basis.CONSENT);
        assertThat(granted.consentReference()).isEqualTo("consent-7");
        assertThat(granted.grantedOn()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(granted.flowDownContractSha256()).isEqualTo("f".repeat(64));
        ConsentStatus revoked = subProcessor(asOf("2026-06-01"), "sp-convert").consent();
        assertThat(revoked.state()).isEqualTo(ConsentStatus.State.REVOKED);
        assertThat(revoked.consentReference()).isEqualTo("consent-7");
        assertThat(revoked.revokedOn()).isEqualTo(LocalDate.parse("2026-06-01"));
        assertThat(subProcessor(asOf("2026-06-01"), "hosting-1").consent().basis()).isEqualTo(ConsentStatus.Basis.ANNEX_2);
    }

    @Test
    void appliesAnAmendmentFromItsEffectiveDate() {
        AmendmentChanges changes = new AmendmentChanges(List.of(DataCategory.of("DENTAL_NOTES")), List.of(DataCategory.of("BSN")),
                List.of(Purpose.of("QUALITY_CONTROL")), null,
                List.of(new SubProcessor("sp-cloud", "Cloud B.V.", "NL", "storage")), List.of("hosting-1"));
        given(new AmendmentProposed(AGREEMENT, "am-1", Party.PROCESSOR, "notes instead of the BSN",
                LocalDate.parse("2026-05-15"), LocalDate.parse("2026-06-15"), "1".repeat(64), changes));

        assertThat(asOf("2026-05-01").amendments()).isEmpty();
        AgreementState before = asOf("2026-06-14");
        assertThat(before.amendments()).extracting(AgreementState.Amendment::status).containsExactly(AmendmentAt.Status.PROPOSED);
        assertThat(before.dataCategories()).extracting(c -> c.category().name()).containsExactly("SURNAME", "BSN", "DENTAL_PHOTOS");
        assertThat(subProcessor(before, "sp-cloud").consent().state()).isEqualTo(ConsentStatus.State.NONE);

        AgreementState after = asOf("2026-06-15");
        assertThat(after.amendments()).extracting(AgreementState.Amendment::status).containsExactly(AmendmentAt.Status.EFFECTIVE);
        assertThat(after.dataCategories()).extracting(c -> c.category().name(), Category::sensitive)
                .containsExactly(tuple("SURNAME", false), tuple("DENTAL_PHOTOS", true), tuple("DENTAL_NOTES", true));
        assertThat(after.purposes()).extracting(PurposeAllowance::purpose, PurposeAllowance::basis, PurposeAllowance::amendmentId)
                .contains(tuple(Purpose.of("QUALITY_CONTROL"), PurposeAllowance.Basis.AMENDMENT, "am-1"));
        assertThat(subProcessor(after, "sp-cloud").consent())
                .extracting(ConsentStatus::state, ConsentStatus::basis, ConsentStatus::amendmentId)
                .containsExactly(ConsentStatus.State.GRANTED, ConsentStatus.Basis.AMENDMENT, "am-1");
        assertThat(subProcessor(after, "hosting-1").consent())
                .extracting(ConsentStatus::state, ConsentStatus::revokedByAmendmentId)
                .containsExactly(ConsentStatus.State.REVOKED, "am-1");
    }

    @Test
    void anObjectionThatTerminatesEndsTheAgreementAndTheAmendmentNeverTakesEffect() {
        AmendmentChanges addNotes = new AmendmentChanges(List.of(DataCategory.of("DENTAL_NOTES")), null, null, null, null, null);
        given(new AmendmentProposed(AGREEMENT, "am-1", Party.PROCESSOR, "notes too",
                        LocalDate.parse("2026-05-15"), LocalDate.parse("2026-07-01"), "1".repeat(64), addNotes),
                new AmendmentObjected(AGREEMENT, "am-1", Party.CONTROLLER, LocalDate.parse("2026-05-20"), true),
                new AgreementTerminated(AGREEMENT, LocalDate.parse("2026-06-15"), "objection to am-1"),
                new DeletionObligationOpened(AGREEMENT, ValidTime.startOf(LocalDate.parse("2026-07-15")), List.of()));

        AgreementState objecting = asOf("2026-05-25");
        assertThat(objecting.status()).isEqualTo(AgreementStatus.EFFECTIVE);
        assertThat(objecting.amendments().get(0).status()).isEqualTo(AmendmentAt.Status.OBJECTED);
        assertThat(objecting.amendments().get(0).objection().terminate()).isTrue();
        assertThat(objecting.terminatedOn()).isNull();

        AgreementState ended = asOf("2026-07-02");
        assertThat(ended.status()).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(ended.terminatedOn()).isEqualTo(LocalDate.parse("2026-06-15"));
        assertThat(ended.effectiveOn()).isEqualTo(LocalDate.parse("2026-03-05"));
        assertThat(ended.dataCategories()).extracting(c -> c.category().name()).doesNotContain("DENTAL_NOTES");
        assertThat(ended.deletionObligation().status()).isEqualTo(DeletionAt.ObligationAt.Status.FULFILLED);
    }

    @Test
    void showsPurposesAddedWithConsentInstructionsAndTransferConsentsFromTheirDates() {
        given(new PurposeAdded(AGREEMENT, Purpose.of("STAFF_TRAINING"), "consent-9", LocalDate.parse("2026-04-10")),
                new InstructionRegistered(AGREEMENT, "ticket-1", "SUPPORT_TICKET", LocalDate.parse("2026-04-01"),
                        LocalDate.parse("2026-04-15"), List.of(Purpose.of("REMOTE_SUPPORT")), PHOTOS),
                new TransferConsentGranted(AGREEMENT, Country.of("IN"), "consent-in", LocalDate.parse("2026-05-01")));

        AgreementState april = asOf("2026-04-02");
        assertThat(april.purposes()).extracting(PurposeAllowance::purpose).doesNotContain(Purpose.of("STAFF_TRAINING"));
        assertThat(april.instructions()).extracting(AgreementState.Instruction::instructionId).containsExactly("ticket-1");
        assertThat(april.transferConsents()).isEmpty();

        AgreementState may = asOf("2026-05-01");
        assertThat(may.purposes()).extracting(PurposeAllowance::purpose, PurposeAllowance::basis,
                        PurposeAllowance::consentReference, PurposeAllowance::since)
                .contains(tuple(Purpose.of("STAFF_TRAINING"), PurposeAllowance.Basis.CONSENT, "consent-9", LocalDate.parse("2026-04-10")));
        assertThat(may.transferConsents()).extracting(AgreementState.TransferConsent::country).containsExactly(Country.of("IN"));
        assertThat(asOf("2026-03-30").instructions()).isEmpty();
    }

    @Test
    void followsTheDeletionObligationFromOpenThroughOverdueToFulfilled() {
        Instant due = ValidTime.startOf(LocalDate.parse("2026-10-01"));
        given(new DataLocationRegistered(AGREEMENT, "workstation-1", "support workstation"),
                new DataLocationRegistered(AGREEMENT, "archive-1", "the practice's image archive"),
                new AgreementTerminated(AGREEMENT, LocalDate.parse("2026-09-01"), "the practice closed"),
                new DeletionObligationOpened(AGREEMENT, due, List.of("workstation-1", "archive-1")),
                new RetentionHoldPlaced(AGREEMENT, "archive-1", "WGBO", LocalDate.parse("2046-09-01"), PHOTOS),
                new DeletionOverdue(AGREEMENT, due, List.of("workstation-1")),
                new DeletionConfirmed(AGREEMENT, "workstation-1", LocalDate.parse("2026-10-05"), "secure erase", PHOTOS, "c".repeat(64)));

        AgreementState running = asOf("2026-08-01");
        assertThat(running.deletionObligation()).isNull();
        assertThat(running.dataLocations()).extracting(DataLocation::locationId, DataLocation::state)
                .containsExactly(tuple("workstation-1", DeletionAt.LocationAt.State.OPEN),
                        tuple("archive-1", DeletionAt.LocationAt.State.HELD));

        AgreementState open = asOf("2026-09-15");
        assertThat(open.deletionObligation().status()).isEqualTo(DeletionAt.ObligationAt.Status.OPEN);
        assertThat(open.deletionObligation().dueAt()).isEqualTo(due);
        assertThat(open.deletionObligation().openLocationIds()).containsExactly("workstation-1");
        assertThat(open.dataLocations().get(0).dueAt()).isEqualTo(due);

        AgreementState overdue = asOf("2026-10-02");
        assertThat(overdue.deletionObligation().status()).isEqualTo(DeletionAt.ObligationAt.Status.OVERDUE);
        assertThat(overdue.deletionObligation().overdue()).extracting(AgreementState.Overdue::locationIds)
                .containsExactly(List.of("workstation-1"));

        AgreementState fulfilled = asOf("2026-10-05");
        assertThat(fulfilled.deletionObligation().status()).isEqualTo(DeletionAt.ObligationAt.Status.FULFILLED);
        assertThat(fulfilled.deletionObligation().fulfilledOn()).isEqualTo(LocalDate.parse("2026-10-05"));
        assertThat(fulfilled.deletionObligation().overdue()).hasSize(1);
        assertThat(fulfilled.dataLocations()).extracting(DataLocation::state)
                .containsExactly(DeletionAt.LocationAt.State.DELETED, DeletionAt.LocationAt.State.HELD);
        assertThat(fulfilled.dataLocations().get(0).deletion().certificateSha256()).isEqualTo("c".repeat(64));
        assertThat(fulfilled.dataLocations().get(1).retentionHold().until()).isEqualTo(LocalDate.parse("2046-09-01"));

        AgreementState holdEnded = asOf("2046-09-02");
        assertThat(holdEnded.dataLocations().get(1).state()).isEqualTo(DeletionAt.LocationAt.State.OPEN);
        assertThat(holdEnded.deletionObligation().status()).isEqualTo(DeletionAt.ObligationAt.Status.OVERDUE);
        assertThat(holdEnded.deletionObligation().openLocationIds()).containsExactly("archive-1");
    }

    @Test
    void showsTheDeletionAsTheStoreKnewIt() {
        Instant due = ValidTime.startOf(LocalDate.parse("2026-10-01"));
        given(new DataLocationRegistered(AGREEMENT, "workstation-1", "support workstation"),
                new AgreementTerminated(AGREEMENT, LocalDate.parse("2026-09-01"), "the practice closed"),
                new DeletionObligationOpened(AGREEMENT, due, List.of("workstation-1")),
                new DeletionConfirmed(AGREEMENT, "workstation-1", LocalDate.parse("2026-09-20"), "secure erase", PHOTOS, "c".repeat(64)));
        Instant beforeTheConfirmation = RECORDED.plusSeconds(60 * sequence - 1);

        AgreementState known = projection.asOf(AGREEMENT, Instant.parse("2026-09-25T12:00:00Z"), beforeTheConfirmation).orElseThrow();

        assertThat(known.deletionObligation().status()).isEqualTo(DeletionAt.ObligationAt.Status.OPEN);
        assertThat(asOf("2026-09-25").deletionObligation().status()).isEqualTo(DeletionAt.ObligationAt.Status.FULFILLED);
    }

    /** domain.md: BSN and health data are marked sensitive in every view, not only in dataCategories. */
    @Test
    void marksTheSensitiveCategoriesOfAnInstruction() {
        given(new InstructionRegistered(AGREEMENT, "ticket-1", "SUPPORT_TICKET", LocalDate.parse("2026-04-01"),
                LocalDate.parse("2026-04-15"), List.of(Purpose.of("REMOTE_SUPPORT")), BSN_AND_SURNAME));

        assertThat(json(asOf("2026-04-02")).at("/instructions/0/categories")).isEqualTo(BSN_AND_SURNAME_MARKED);
    }

    @Test
    void marksTheSensitiveCategoriesAnAmendmentAddsAndRemoves() {
        AmendmentChanges changes = new AmendmentChanges(List.of(DataCategory.of("DENTAL_NOTES"), DataCategory.of("EMAIL")),
                BSN_AND_SURNAME, List.of(Purpose.of("QUALITY_CONTROL")), null, null, List.of("hosting-1"));
        given(new AmendmentProposed(AGREEMENT, "am-1", Party.PROCESSOR, "notes instead of the BSN",
                LocalDate.parse("2026-05-15"), LocalDate.parse("2026-06-15"), "1".repeat(64), changes));

        JsonNode shown = json(asOf("2026-05-20")).at("/amendments/0/changes");

        assertThat(shown.get("addCategories")).isEqualTo(marked("""
                [{"category":"DENTAL_NOTES","sensitive":true},{"category":"EMAIL","sensitive":false}]"""));
        assertThat(shown.get("removeCategories")).isEqualTo(BSN_AND_SURNAME_MARKED);
        // The rest of the changes still show as proposed.
        assertThat(shown.at("/addPurposes/0").asText()).isEqualTo("QUALITY_CONTROL");
        assertThat(shown.get("removePurposes")).isEmpty();
        assertThat(shown.at("/removeSubProcessors/0").asText()).isEqualTo("hosting-1");
    }

    @Test
    void marksTheSensitiveCategoriesOfADeletion() {
        givenEnded(new DeletionConfirmed(AGREEMENT, "workstation-1", LocalDate.parse("2026-09-20"), "secure erase",
                BSN_AND_SURNAME, "c".repeat(64)));

        assertThat(json(asOf("2026-09-25")).at("/dataLocations/0/deletion/categories")).isEqualTo(BSN_AND_SURNAME_MARKED);
    }

    @Test
    void marksTheSensitiveCategoriesOfARetentionHold() {
        givenEnded(new RetentionHoldPlaced(AGREEMENT, "workstation-1", "WGBO", LocalDate.parse("2046-09-01"),
                BSN_AND_SURNAME));

        assertThat(json(asOf("2026-09-25")).at("/dataLocations/0/retentionHold/categories"))
                .isEqualTo(BSN_AND_SURNAME_MARKED);
    }

    /** One location, the agreement ended on 1 September 2026, then what happened to the location. */
    private void givenEnded(AgreementEvent atTheLocation) {
        given(new DataLocationRegistered(AGREEMENT, "workstation-1", "support workstation"),
                new AgreementTerminated(AGREEMENT, LocalDate.parse("2026-09-01"), "the practice closed"),
                new DeletionObligationOpened(AGREEMENT, ValidTime.startOf(LocalDate.parse("2026-10-01")),
                        List.of("workstation-1")),
                atTheLocation);
    }

    /** As the API answers: the marking is part of the contract, not only of the Java records. */
    private static JsonNode json(AgreementState state) {
        return Json.mapper().valueToTree(state);
    }

    private static JsonNode marked(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), JsonNode.class);
    }
}
