package nl.evidencestore.shared.evidence.verify;

import java.time.Instant;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.LineCounts;
import nl.evidencestore.shared.evidence.Manifest;
import nl.evidencestore.shared.evidence.WholeStreams;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;

/**
 * Completeness of the period: every access of the agreement recorded inside {@code [from, to]}
 * is there in full, accesses outside it are stubs, every other event is in full, and the chain
 * goes on past {@code to}, so nothing recorded in the period can be missing from its end. The
 * manifest's counts must be the counts of the lines. Late arrivals are reported, not failed.
 */
final class BoundaryCheck {
    private static final String ACCESS = EventTypes.nameOf(AccessRecorded.class);
    private final BundleScope scope;
    private final Manifest.Counts stated;
    private final LineCounts counts;
    private final Findings findings = new Findings(Checks.BOUNDARIES);
    private Instant lastRecorded;

    BoundaryCheck(BundleScope scope, Manifest.Counts stated) {
        this.scope = scope;
        this.stated = stated;
        this.counts = new LineCounts(scope);
    }

    void accept(LineFacts facts) {
        if (!facts.parsed()) {
            return;
        }
        EventEnvelope e = facts.envelope();
        counts.accept(e, facts.isStub());
        if (e.streamId().equals(scope.agreementId().value())) {
            agreementLine(facts, e);
        } else if (WholeStreams.carriedWhole(e.streamId()) && facts.isStub()) {
            findings.fail(facts, "an event of " + e.streamId() + " is a stub: that stream is carried whole");
        }
    }

    private void agreementLine(LineFacts facts, EventEnvelope e) {
        lastRecorded = e.recordedAt();
        boolean inside = scope.covers(e.recordedAt());
        boolean access = ACCESS.equals(e.type());
        if (inside && facts.isStub()) {
            findings.fail(facts, "recorded inside the period, yet a stub");
        } else if (!inside && access && !facts.isStub()) {
            findings.fail(facts, "an access recorded outside the period is in full, not a stub");
        } else if (!access && facts.isStub()) {
            findings.fail(facts, "a " + e.type() + " outside the period is a stub: only accesses may be");
        }
    }

    Check result() {
        if (lastRecorded == null || !lastRecorded.isAfter(scope.to())) {
            findings.fail("the agreement's chain ends at or before the end of the period: accesses recorded up to "
                    + EventHash.format(scope.to()) + " may be missing");
        }
        Manifest.Counts actual = counts.counts();
        if (!actual.equals(stated)) {
            findings.fail("manifest.json states counts " + stated + ", the lines give " + actual);
        }
        return findings.result(actual.inPeriod() + " event(s) recorded in the period, in full; " + actual.stubs()
                + " stub(s) outside it; " + actual.lateArrivals() + " late arrival(s) (recorded after the period,"
                + " occurred inside it)");
    }
}
