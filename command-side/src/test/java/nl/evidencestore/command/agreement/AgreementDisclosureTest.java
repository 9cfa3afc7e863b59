package nl.evidencestore.command.agreement;

import static nl.evidencestore.command.agreement.AgreementTestData.AGREEMENT;
import static nl.evidencestore.command.agreement.AgreementTestData.drafted;

import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.command.disclosure.RecordDisclosure;
import nl.evidencestore.shared.event.disclosure.DisclosureRecorded;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.DisclosureBasis;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Art. 8: disclosures are facts about the agreement, recorded in its stream with their verdict. */
class AgreementDisclosureTest {
    private static final List<DataCategory> CATEGORIES = List.of(DataCategory.of("SURNAME"), DataCategory.of("DENTAL_PHOTOS"));
    private static final LocalDate DISCLOSED = LocalDate.of(2026, 4, 2);
    private static final Verdict COMPLIANT = Verdict.of(List.of());

    private final AggregateTestFixture<Agreement> fixture = new AggregateTestFixture<>(Agreement.class);

    private static RecordDisclosure disclosure(DisclosureBasis basis, String consentReference, String description) {
        return new RecordDisclosure("dis-1", AGREEMENT, "Kaakchirurgie Centrum", basis, consentReference, description,
                CATEGORIES, DISCLOSED);
    }

    private static DisclosureRecorded recorded(DisclosureBasis basis, String consentReference, String description,
                                               Verdict verdict) {
        return new DisclosureRecorded(AGREEMENT, "dis-1", "Kaakchirurgie Centrum", basis, consentReference, description,
                CATEGORIES, DISCLOSED, verdict);
    }

    @Test
    @DisplayName("Art. 8: a disclosure dated after the day it is recorded is refused")
    void art8RefusesADisclosureDatedInTheFuture() {
        fixture.givenCurrentTime(DISCLOSED.minusDays(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .andGiven(drafted())
                .when(disclosure(DisclosureBasis.NECESSARY_FOR_ASSIGNMENT, null, null))
                .expectException(nl.evidencestore.shared.error.RuleViolation.class)
                .expectExceptionMessage("disclosedOn lies in the future")
                .expectNoEvents();
    }

    @Test
    @DisplayName("Art. 8.2: a disclosure necessary for the assignment is recorded as compliant")
    void art8_2RecordsANecessaryDisclosureAsCompliant() {
        fixture.given(drafted())
                .when(disclosure(DisclosureBasis.NECESSARY_FOR_ASSIGNMENT, null, null))
                .expectEvents(recorded(DisclosureBasis.NECESSARY_FOR_ASSIGNMENT, null, null, COMPLIANT));
    }

    @Test
    @DisplayName("Art. 8.2: a disclosure on the controller's referenced consent is recorded as compliant")
    void art8_2RecordsAConsentedDisclosureAsCompliant() {
        fixture.given(drafted())
                .when(disclosure(DisclosureBasis.CONTROLLER_CONSENT, "consent-014", null))
                .expectEvents(recorded(DisclosureBasis.CONTROLLER_CONSENT, "consent-014", null, COMPLIANT));
    }

    @Test
    @DisplayName("Art. 8.1: a disclosure on another basis is recorded, as a violation")
    void art8_1RecordsADisclosureOnAnotherBasisAsAViolation() {
        fixture.given(drafted())
                .when(disclosure(DisclosureBasis.OTHER, null, "Sent to a marketing agency"))
                .expectEvents(recorded(DisclosureBasis.OTHER, null, "Sent to a marketing agency", Verdict.of(List.of(
                        new Violation("8.1", "disclosed on a basis that Art. 8.2 does not allow")))));
    }

    @Test
    @DisplayName("Art. 8.1: a disclosure on consent without a reference is recorded, as a violation")
    void art8_1RecordsConsentWithoutAReferenceAsAViolation() {
        fixture.given(drafted())
                .when(disclosure(DisclosureBasis.CONTROLLER_CONSENT, " ", null))
                .expectEvents(recorded(DisclosureBasis.CONTROLLER_CONSENT, null, null, Verdict.of(List.of(
                        new Violation("8.1", "disclosed on the controller's consent without a reference to that consent")))));
    }

    @Test
    @DisplayName("Art. 8.1: a disclosure on another basis without a description is recorded as a violation, not refused")
    void art8_1RecordsADisclosureOnAnotherBasisWithoutADescription() {
        fixture.given(drafted())
                .when(disclosure(DisclosureBasis.OTHER, null, null))
                .expectEvents(recorded(DisclosureBasis.OTHER, null, null, Verdict.of(List.of(
                        new Violation("8.1", "disclosed on a basis that Art. 8.2 does not allow")))));
    }

    @Test
    void aDisclosureUnderAnUnknownAgreementIsNotRecorded() {
        fixture.givenNoPriorActivity()
                .when(disclosure(DisclosureBasis.LEGAL_OBLIGATION, null, null))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
