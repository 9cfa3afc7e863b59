package nl.evidencestore.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;

import nl.evidencestore.shared.model.DisclosureBasis;
import nl.evidencestore.shared.model.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Art. 8: each legal basis of a disclosure, kept and broken. */
class DisclosureRulesTest {
    @Test
    @DisplayName("Art. 8.2: necessity for the assignment and a legal obligation are allowed bases")
    void art8_2AllowsNecessityAndLegalObligation() {
        assertThat(DisclosureRules.judge(DisclosureBasis.NECESSARY_FOR_ASSIGNMENT, null).compliant()).isTrue();
        assertThat(DisclosureRules.judge(DisclosureBasis.LEGAL_OBLIGATION, null).compliant()).isTrue();
    }

    @Test
    @DisplayName("Art. 8.2: the controller's consent, named by its reference, is an allowed basis")
    void art8_2AllowsTheControllersConsentWithAReference() {
        assertThat(DisclosureRules.judge(DisclosureBasis.CONTROLLER_CONSENT, "consent-2026-014").compliant()).isTrue();
    }

    @Test
    @DisplayName("Art. 8.1: a disclosure on another basis is a violation")
    void art8_1IsBrokenByADisclosureOnAnotherBasis() {
        Verdict verdict = DisclosureRules.judge(DisclosureBasis.OTHER, null);

        assertThat(verdict.verdict()).isEqualTo(Verdict.Outcome.VIOLATION);
        assertThat(verdict.violations()).singleElement().satisfies(v -> assertThat(v.article()).isEqualTo("8.1"));
    }

    @Test
    @DisplayName("Art. 8.1: the controller's consent without a reference is a violation")
    void art8_1IsBrokenByConsentWithoutAReference() {
        assertThat(DisclosureRules.judge(DisclosureBasis.CONTROLLER_CONSENT, null).violations())
                .singleElement().satisfies(v -> assertThat(v.article()).isEqualTo("8.1"));
        assertThat(DisclosureRules.judge(DisclosureBasis.CONTROLLER_CONSENT, " ").compliant()).isFalse();
    }
}
