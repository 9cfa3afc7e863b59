package nl.evidencestore.shared.evidence.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.audit.AuditEvent;
import nl.evidencestore.shared.event.audit.AuditRequested;
import nl.evidencestore.shared.event.audit.FindingsShared;
import nl.evidencestore.shared.event.breach.BreachEvent;
import nl.evidencestore.shared.event.breach.BreachNotified;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.event.mirror.AgreementOnly;
import nl.evidencestore.shared.event.mirror.MirroredFact;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestForwarded;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestResolved;
import nl.evidencestore.shared.model.AgreementId;

/**
 * The breach, request and audit facts in the agreement's chain, as far as the bundle lets them
 * be checked without their source streams: each is agreement-only (no other agreement's id, no
 * subject reference), names a source event of its own stream and type, enters once, a breach's
 * report comes before its other facts, an audit's request before its findings and no later than
 * they were shared, and what the report shows is what the facts give (a notification's delay
 * since discovery and its late flag, a request's late forwarding or answer).
 */
final class MirroredFactCheck {
    private final AgreementId agreement;
    private final Findings findings = new Findings(Checks.MIRRORED);
    private final Set<String> sources = new HashSet<>();
    private final Map<String, Instant> discovered = new HashMap<>();
    private final Map<String, LocalDate> auditsRequested = new HashMap<>();
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
        } else if (fact instanceof AuditEvent audit) {
            audit(line, audit);
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

    /**
     * The audit aggregate refuses a second request of one audit and findings before its request
     * (Art. 9.3); the whole chain from sequence 0 is in the bundle, so its mirrors show both.
     */
    private void audit(LineFacts line, AuditEvent fact) {
        String auditId = fact.auditId().value();
        if (fact instanceof AuditRequested requested) {
            if (auditsRequested.putIfAbsent(auditId, requested.requestedOn()) != null) {
                findings.fail(line, "audit " + auditId + " is requested a second time");
            }
            return;
        }
        LocalDate requestedOn = auditsRequested.get(auditId);
        if (requestedOn == null) {
            findings.fail(line, "findings of audit " + auditId + " come before the audit's request");
        } else if (fact instanceof FindingsShared shared && shared.sharedOn().isBefore(requestedOn)) {
            findings.fail(line, "finding " + shared.findingId() + " of audit " + auditId + " is shared on "
                    + shared.sharedOn() + ", before the audit was requested on " + requestedOn + " (Art. 9.3)");
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
        return findings.result(facts + " breach, request and audit fact(s) in the agreement's chain, each agreement-only"
                + " and entered once, their delays and late flags as their dates give them, findings after their audit's"
                + " request");
    }
}
