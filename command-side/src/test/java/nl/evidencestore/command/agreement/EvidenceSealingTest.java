package nl.evidencestore.command.agreement;

import static nl.evidencestore.command.agreement.AgreementTestData.AGREEMENT;
import static nl.evidencestore.command.agreement.AgreementTestData.drafted;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.agreement.EvidenceBundleSealed;
import nl.evidencestore.shared.event.agreement.EvidenceExported;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Art. 9: every export is on the record with the bundle's root hash, which follows the export once it is known. */
class EvidenceSealingTest {
    private static final Instant FROM = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-30T00:00:00Z");
    private static final Instant SIGNED_AT = Instant.parse("2026-05-01T10:00:03Z");
    private static final String ROOT = "a".repeat(64);
    private static final String OTHER_ROOT = "b".repeat(64);

    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
    }

    @Test
    @DisplayName("Art. 9: the export is recorded first, so that the bundle carries it")
    void anExportIsRecordedAsEvidenceExported() {
        fixture.given(drafted())
                .when(new ExportEvidence(AGREEMENT, "bundle-1", FROM, TO, "auditor-1", null))
                .expectEvents(exported("bundle-1"));
    }

    @Test
    @DisplayName("Art. 9: once sealed, the bundle's root hash is recorded on the agreement")
    void sealingAnExportedBundleRecordsItsRoot() {
        fixture.given(drafted(), exported("bundle-1"))
                .when(seal("bundle-1", ROOT))
                .expectEvents(new EvidenceBundleSealed(AGREEMENT, "bundle-1", 42, ROOT, SIGNED_AT));
    }

    @Test
    @DisplayName("a retried seal of the same bundle and root appends nothing")
    void aRepeatedSealAppendsNothing() {
        fixture.given(drafted(), exported("bundle-1"), sealed("bundle-1", ROOT))
                .when(seal("bundle-1", ROOT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("a bundle is sealed with one root only")
    void anotherRootForASealedBundleIsRefused() {
        fixture.given(drafted(), exported("bundle-1"), sealed("bundle-1", ROOT))
                .when(seal("bundle-1", OTHER_ROOT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("this bundle was sealed with another root hash already")
                .expectNoEvents();
    }

    @Test
    @DisplayName("only a bundle whose export is on this agreement's record can be sealed")
    void aBundleNeverExportedHereIsRefused() {
        fixture.given(drafted(), exported("bundle-1"))
                .when(seal("bundle-2", ROOT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("no export of this bundle is recorded for this agreement")
                .expectNoEvents();
    }

    @Test
    void eachBundleIsSealedOnItsOwn() {
        fixture.given(drafted(), exported("bundle-1"), sealed("bundle-1", ROOT), exported("bundle-2"))
                .when(seal("bundle-2", OTHER_ROOT))
                .expectEvents(new EvidenceBundleSealed(AGREEMENT, "bundle-2", 42, OTHER_ROOT, SIGNED_AT));
    }

    @Test
    void theSealIsKeyedByItsBundle() {
        assertThat(seal("bundle-1", ROOT).idempotencyKey()).isEqualTo("seal:bundle-1");
    }

    private static EvidenceExported exported(String bundleId) {
        return new EvidenceExported(AGREEMENT, bundleId, FROM, TO, "auditor-1", null);
    }

    private static SealEvidenceBundle seal(String bundleId, String root) {
        return new SealEvidenceBundle(AGREEMENT, bundleId, 42, root, SIGNED_AT);
    }

    private static EvidenceBundleSealed sealed(String bundleId, String root) {
        return new EvidenceBundleSealed(AGREEMENT, bundleId, 42, root, SIGNED_AT);
    }
}
