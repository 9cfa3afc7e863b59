package nl.evidencestore.command.agreement;

import static nl.evidencestore.command.agreement.AgreementTestData.AGREEMENT;
import static nl.evidencestore.command.agreement.LifecycleTestData.inForce;
import static nl.evidencestore.command.agreement.LifecycleTestData.inForceWith;
import static nl.evidencestore.command.agreement.LifecycleTestData.terminated;

import java.time.LocalDate;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentGranted;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentRevoked;
import nl.evidencestore.shared.event.agreement.SubProcessorProposed;
import nl.evidencestore.shared.event.agreement.TransferConsentGranted;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.SubProcessor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Art. 3.1, 3.2 and Annex 2: sub-processors, the controller's prior written consent, transfers. */
class SubProcessorsTest {
    private static final SubProcessor CONVERTER = new SubProcessor("sp-convert", "Convert GmbH", "DE", "database conversion");
    private static final LocalDate GRANTED = LocalDate.of(2026, 4, 1);
    private static final String FLOW_DOWN = "f".repeat(64);

    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
    }

    private static ProposeSubProcessor propose(SubProcessor s) {
        return new ProposeSubProcessor(AGREEMENT, s.subProcessorId(), s.name(), s.country(), s.services());
    }

    private static SubProcessorProposed proposed() {
        return new SubProcessorProposed(AGREEMENT, CONVERTER);
    }

    private static SubProcessorConsentGranted granted() {
        return new SubProcessorConsentGranted(AGREEMENT, "sp-convert", "consent-7", GRANTED, FLOW_DOWN);
    }

    @Test
    @DisplayName("a sub-processor is proposed (Art. 3.1)")
    void proposesASubProcessor() {
        fixture.given(inForce()).when(propose(CONVERTER)).expectEvents(proposed());
    }

    @Test
    @DisplayName("a subProcessorId known already, from Annex 2 or a proposal, is refused (Art. 3.1)")
    void refusesAKnownSubProcessorId() {
        fixture.given(inForce())
                .when(propose(new SubProcessor("sp-hosting", "Other B.V.", "NL", "hosting")))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a sub-processor proposed after the agreement ended is refused (Art. 11.2)")
    void refusesAProposalAfterTheEnd() {
        fixture.given(inForceWith(terminated())).when(propose(CONVERTER)).expectException(RuleViolation.class);
    }

    @Test
    @DisplayName("the controller's prior written consent is recorded with the flow-down contract's hash (Art. 3.1, Annex 2)")
    void grantsConsent() {
        fixture.given(inForceWith(proposed()))
                .when(new GrantSubProcessorConsent(AGREEMENT, "sp-convert", "consent-7", GRANTED, FLOW_DOWN))
                .expectEvents(granted());
    }

    @Test
    @DisplayName("consent for a sub-processor never listed or proposed is refused (Art. 3.1)")
    void refusesConsentForAnUnknownSubProcessor() {
        fixture.given(inForce())
                .when(new GrantSubProcessorConsent(AGREEMENT, "sp-convert", "consent-7", GRANTED, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("no sub-processor with this subProcessorId was listed or proposed for this agreement")
                .expectNoEvents();
    }

    @Test
    @DisplayName("consent from the day the agreement ended is refused (Art. 11.2)")
    void refusesConsentAfterTheEnd() {
        fixture.given(inForceWith(proposed(), terminated()))
                .when(new GrantSubProcessorConsent(AGREEMENT, "sp-convert", "consent-7", LifecycleTestData.TERMINATED, null))
                .expectException(RuleViolation.class);
    }

    @Test
    @DisplayName("consent in force is revoked (Art. 3.1), also the consent of Annex 2")
    void revokesConsent() {
        fixture.given(inForceWith(proposed(), granted()))
                .when(new RevokeSubProcessorConsent(AGREEMENT, "sp-convert", GRANTED.plusMonths(2)))
                .expectEvents(new SubProcessorConsentRevoked(AGREEMENT, "sp-convert", GRANTED.plusMonths(2)));
        fixture.given(inForce())
                .when(new RevokeSubProcessorConsent(AGREEMENT, "sp-hosting", GRANTED))
                .expectEvents(new SubProcessorConsentRevoked(AGREEMENT, "sp-hosting", GRANTED));
    }

    @Test
    @DisplayName("a revocation when no consent was in force is refused (Art. 3.1)")
    void refusesARevocationWithoutConsent() {
        fixture.given(inForceWith(proposed(), granted()))
                .when(new RevokeSubProcessorConsent(AGREEMENT, "sp-convert", GRANTED.minusDays(1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the sub-processor had no consent in force on revokedOn to revoke");
        fixture.given(inForceWith(proposed(), granted(),
                        new SubProcessorConsentRevoked(AGREEMENT, "sp-convert", GRANTED.plusDays(5))))
                .when(new RevokeSubProcessorConsent(AGREEMENT, "sp-convert", GRANTED.plusDays(6)))
                .expectException(RuleViolation.class);
    }

    @Test
    @DisplayName("consent to processing in a country outside the EEA is recorded (Art. 3.2)")
    void grantsATransferConsent() {
        fixture.given(inForce())
                .when(new GrantTransferConsent(AGREEMENT, Country.of("IN"), "consent-in", GRANTED))
                .expectEvents(new TransferConsentGranted(AGREEMENT, Country.of("IN"), "consent-in", GRANTED));
    }

    @Test
    @DisplayName("a transfer consent from the day the agreement ended is refused (Art. 11.2)")
    void refusesATransferConsentAfterTheEnd() {
        fixture.given(inForceWith(terminated()))
                .when(new GrantTransferConsent(AGREEMENT, Country.of("IN"), "consent-in", LifecycleTestData.TERMINATED))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
