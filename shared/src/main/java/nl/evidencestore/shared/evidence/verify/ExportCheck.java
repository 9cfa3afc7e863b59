package nl.evidencestore.shared.evidence.verify;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import nl.evidencestore.shared.event.agreement.EvidenceBundleSealed;
import nl.evidencestore.shared.event.agreement.EvidenceExported;
import nl.evidencestore.shared.evidence.BundleScope;

/**
 * Art. 9: the agreement's chain holds the event that records this very export, and each
 * {@link EvidenceBundleSealed} in it seals an export recorded before it, once. The chain is
 * carried from sequence 0, so an earlier export is always in the bundle; this bundle's own seal
 * never is: it is recorded after the bundle was built.
 */
final class ExportCheck {
    private static final Pattern ROOT = Pattern.compile("[0-9a-f]{64}");

    private final BundleScope scope;
    private final Findings findings = new Findings(Checks.EXPORT);
    private final Set<String> exported = new HashSet<>();
    private final Set<String> sealed = new HashSet<>();
    private String found;

    ExportCheck(BundleScope scope) {
        this.scope = scope;
    }

    void accept(LineFacts facts) {
        // The type first: it rules out nearly every line at the cost of one test (a line that did
        // not parse has no event), where the stream's id would be compared on a million of them.
        if (facts.event() instanceof EvidenceExported export && onTheAgreement(facts)) {
            exported(export, facts);
        } else if (facts.event() instanceof EvidenceBundleSealed seal && onTheAgreement(facts)) {
            sealed(seal, facts);
        }
    }

    private boolean onTheAgreement(LineFacts facts) {
        return facts.streamId().equals(scope.agreementId().value());
    }

    private void exported(EvidenceExported export, LineFacts facts) {
        exported.add(export.bundleId());
        if (!export.bundleId().equals(scope.bundleId())) {
            return;
        }
        if (!export.from().equals(scope.from()) || !export.to().equals(scope.to())) {
            findings.fail(facts, "the export of " + scope.bundleId() + " covers " + export.from() + " to "
                    + export.to() + ", not the manifest's period");
        }
        found = facts.where();
    }

    private void sealed(EvidenceBundleSealed seal, LineFacts facts) {
        if (seal.bundleId().equals(scope.bundleId())) {
            findings.fail(facts, "a seal of " + scope.bundleId() + " itself: a bundle is sealed only after it is built");
        } else if (!exported.contains(seal.bundleId())) {
            findings.fail(facts, "a seal of bundle " + seal.bundleId() + " without its EvidenceExported before it");
        } else if (!sealed.add(seal.bundleId())) {
            findings.fail(facts, "bundle " + seal.bundleId() + " is sealed a second time");
        }
        if (seal.rootHash() == null || !ROOT.matcher(seal.rootHash()).matches() || seal.treeSize() < 1
                || seal.checkpointTime() == null) {
            findings.fail(facts, "the seal of bundle " + seal.bundleId() + " names no checkpoint (tree size, root hash, time)");
        }
    }

    Check result() {
        if (found == null) {
            findings.fail("no EvidenceExported of bundle " + scope.bundleId() + " in the agreement's chain");
        }
        return findings.result("EvidenceExported of " + scope.bundleId() + " at " + found + "; "
                + sealed.size() + " earlier export(s) sealed with their root hash");
    }
}
