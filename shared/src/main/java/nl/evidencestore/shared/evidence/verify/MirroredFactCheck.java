package nl.evidencestore.shared.evidence.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.breach.BreachEvent;
import nl.evidencestore.shared.event.breach.BreachNotified;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.event.mirror.AgreementOnly;
import nl.evidencestore.shared.event.mirror.MirroredFact;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestForwarded;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestResolved;
import nl.evidencestore.shared.model.AgreementId;

/**
 * The breach and request facts in the agreement's chain, as far as the bundle lets them be
 * checked without their source streams: each is agreement-only (no other agreement's id, no
 * subject reference), names a source event of its own stream and type, enters once, a breach's
 * report comes before its other facts, and what the report shows is what the facts give (a
 * notification's delay since discovery and its late flag, a request's late forwarding or answer).
 */
final class MirroredFactCheck {
    private final AgreementId agreement;
    private final Findings findings = new Findings(Checks.MIRRORED);
    private final Set<String> sources = new HashSet<>();
    private final Map<String, Instant> discovered = new HashMap<>();
    private long facts;

    MirroredFactCheck(AgreementId agreement) {
        this.agreement = agreement;
    }

    void accept(LineFacts line) {
        if (!(line.event() instanceof MirroredFact mirrored) || !line.streamId().equals(agreement.value())) {
            return;
        }
        facts++;
        EvidenceEvent fact = mirrored.fact();
        if (!agreement.equals(mirrored.agreementId()) || !AgreementOnly.holds(fact, agreement)) {
            findings.fail(line, "the fact names another agreement or holds a subject reference: not agreement-only");
        }
        if (!mirrored.source().streamId().equals(fact.streamId())
                || !mirrored.source().type().equals(EventTypes.nameOf(fact.getClass()))) {
            findings.fail(line, "the source " + mirrored.source().streamId() + " " + mirrored.source().type()
                    + " is not the stream and type of the fact");
        }
        if (!sources.add(mirrored.source().eventId())) {
            findings.fail(line, "source event " + mirrored.source().eventId() + " entered the chain twice");
        }
        if (fact instanceof BreachEvent breach) {
            breach(line, breach);
        } else {
            request(line, fact);
        }
    }

    private void breach(LineFacts line, BreachEvent fact) {
        String breachId = fact.breachId().value();
        if (fact instanceof BreachReported reported) {
            discovered.put(breachId, reported.discoveredAt());
            return;
        }
        Instant discoveredAt = discovered.get(breachId);
        if (discoveredAt == null) {
            findings.fail(line, "a fact of breach " + breachId + " comes before the breach's report");
        } else if (fact instanceof BreachNotified n) {
            if (n.delaySeconds() != Duration.between(discoveredAt, n.notifiedAt()).toSeconds()) {
                findings.fail(line, "notification " + n.notificationId() + " states a delay of " + n.delaySeconds()
                        + " s; discovery to notification is " + Duration.between(discoveredAt, n.notifiedAt()).toSeconds() + " s");
            }
            boolean afterDue = n.dueAt() != null && n.notifiedAt().isAfter(n.dueAt());
            if (n.late() && !afterDue || n.late() == n.violations().isEmpty()) {
                findings.fail(line, "notification " + n.notificationId() + " is marked " + (n.late() ? "late" : "on time")
                        + " against its due time and violations");
            }
        }
    }

    private void request(LineFacts line, EvidenceEvent fact) {
        if (fact instanceof SubjectRequestForwarded f
                && (f.late() != f.forwardedOn().isAfter(f.forwardBy()) || f.late() == f.violations().isEmpty())) {
            findings.fail(line, "the forwarding is marked " + (f.late() ? "late" : "on time") + " against forwardBy");
        } else if (fact instanceof SubjectRequestResolved r && r.late() != r.resolvedOn().isAfter(r.answerBy())) {
            findings.fail(line, "the resolution is marked " + (r.late() ? "late" : "on time") + " against answerBy");
        }
    }

    Check result() {
        return findings.result(facts + " breach and request fact(s) in the agreement's chain, each agreement-only and"
                + " entered once, their delays and late flags as their dates give them");
    }
}
