package nl.evidencestore.command.agreement;

import static nl.evidencestore.command.agreement.AgreementTestData.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.model.Party;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgreementTest {
    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
    }

    @Test
    @DisplayName("a signature dated after the day it is recorded is refused (Art. 11.1)")
    void art11_1RefusesASignatureDatedInTheFuture() {
        fixture.givenCurrentTime(java.time.Instant.parse("2026-03-01T09:00:00Z"))
                .andGiven(drafted())
                .when(sign(Party.CONTROLLER, java.time.LocalDate.of(2026, 3, 3), null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("signedOn lies in the future")
                .expectNoEvents();
    }

    @Test
    void draftingRecordsTheAgreementAsDrafted() {
        fixture.givenNoPriorActivity().when(draft()).expectEvents(drafted());
    }

    @Test
    void aFirstSignatureDoesNotMakeItEffective() {
        fixture.given(drafted())
                .when(sign(Party.CONTROLLER, CONTROLLER_SIGNED, DOCUMENT))
                .expectEvents(signed(Party.CONTROLLER, CONTROLLER_SIGNED, DOCUMENT));
    }

    @Test
    @DisplayName("Art. 11.1: effective on the date of the last signature")
    void takesEffectOnTheDateOfTheLastSignature() {
        fixture.given(drafted(), signed(Party.PROCESSOR, PROCESSOR_SIGNED, null))
                .when(sign(Party.CONTROLLER, CONTROLLER_SIGNED, null))
                .expectEvents(signed(Party.CONTROLLER, CONTROLLER_SIGNED, null),
                        new AgreementTookEffect(AGREEMENT, PROCESSOR_SIGNED));
    }

    @Test
    @DisplayName("Art. 11.1: each party signs once")
    void refusesSecondSignatureByTheSameParty() {
        fixture.given(drafted(), signed(Party.CONTROLLER, CONTROLLER_SIGNED, null))
                .when(sign(Party.CONTROLLER, PROCESSOR_SIGNED, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("Art. 11.1: a signature over another text is refused")
    void refusesSignatureOverADifferentDocument() {
        fixture.given(drafted())
                .when(sign(Party.PROCESSOR, PROCESSOR_SIGNED, OTHER_DOCUMENT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the signed document's hash differs from the drafted agreement text")
                .expectNoEvents();
    }

    @Test
    void refusesADraftWithoutCategories() {
        assertThatThrownBy(() -> new DraftAgreement(AGREEMENT, draft().controller(), draft().processor(), DOCUMENT,
                "1", java.util.List.of(), draft().purposes(), java.util.List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataCategories");
    }
}
