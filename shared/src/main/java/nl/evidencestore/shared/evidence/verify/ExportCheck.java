package nl.evidencestore.shared.evidence.verify;

import nl.evidencestore.shared.event.agreement.EvidenceExported;
import nl.evidencestore.shared.evidence.BundleScope;

/** Art. 9: the agreement's chain holds the event that records this very export. */
final class ExportCheck {
    private final BundleScope scope;
    private final Findings findings = new Findings(Checks.EXPORT);
    private String found;

    ExportCheck(BundleScope scope) {
        this.scope = scope;
    }

    void accept(LineFacts facts) {
        if (!(facts.event() instanceof EvidenceExported exported)
                || !facts.streamId().equals(scope.agreementId().value())
                || !exported.bundleId().equals(scope.bundleId())) {
            return;
        }
        if (!exported.from().equals(scope.from()) || !exported.to().equals(scope.to())) {
            findings.fail(facts, "the export of " + scope.bundleId() + " covers " + exported.from() + " to "
                    + exported.to() + ", not the manifest's period");
        }
        found = facts.where();
    }

    Check result() {
        if (found == null) {
            findings.fail("no EvidenceExported of bundle " + scope.bundleId() + " in the agreement's chain");
        }
        return findings.result("EvidenceExported of " + scope.bundleId() + " at " + found);
    }
}
