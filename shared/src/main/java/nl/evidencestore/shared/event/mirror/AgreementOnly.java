package nl.evidencestore.shared.event.mirror;

import java.util.List;
import java.util.Optional;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.audit.AuditEvent;
import nl.evidencestore.shared.event.breach.BreachDismissed;
import nl.evidencestore.shared.event.breach.BreachEvent;
import nl.evidencestore.shared.event.breach.BreachNotificationOverdue;
import nl.evidencestore.shared.event.breach.BreachNotified;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestEvent;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestReceived;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.NotificationRecipient;

/**
 * A fact from another stream as it concerns one agreement (evidence-bundle.md: "an A-only
 * event"): other agreements' ids are left out, since they are not this controller's business,
 * and so is the subject reference of a request, which the agreement's chain must never hold.
 * The writer makes facts with {@link #breach}/{@link #request}; an audit's facts enter as they
 * are, since an audit concerns one agreement and names no subject. The verifier holds them all
 * to {@link #holds}.
 */
public final class AgreementOnly {
    private AgreementOnly() {
    }

    /**
     * The breach fact for {@code agreement}, one of the breach's affected agreements; empty when
     * it concerns another agreement only (a notification of, or overdue fact about, another controller).
     */
    public static Optional<BreachEvent> breach(BreachEvent event, AgreementId agreement) {
        if (event instanceof BreachReported e) {
            return e.agreementIds().contains(agreement) ? Optional.of(new BreachReported(e.breachId(), e.status(),
                    e.discoveredAt(), List.of(agreement), e.description(), e.categories(), e.estimatedSubjects(),
                    e.controllerNotificationDueAt(), e.authorityNotificationDueAt())) : Optional.empty();
        }
        if (event instanceof BreachDismissed e) {
            return Optional.of(new BreachDismissed(e.breachId(), e.dismissedOn(), e.note(),
                    e.stoppedControllerDeadlines().stream().filter(agreement::equals).toList(), e.authorityDeadlineStopped()));
        }
        if (event instanceof BreachNotified e) {
            return notified(e, agreement);
        }
        if (event instanceof BreachNotificationOverdue e) {
            return agreement.equals(e.agreementId()) ? Optional.of(e) : Optional.empty();
        }
        return Optional.of(event);
    }

    private static Optional<BreachEvent> notified(BreachNotified e, AgreementId agreement) {
        if (e.recipient() == NotificationRecipient.CONTROLLER) {
            return agreement.equals(e.agreementId()) ? Optional.of(e) : Optional.empty();
        }
        if (e.agreementId() == null || agreement.equals(e.agreementId())) {
            return Optional.of(e);
        }
        return Optional.of(new BreachNotified(e.breachId(), e.notificationId(), e.recipient(), null, e.notifiedAt(),
                e.cause(), e.proposedSolution(), e.implementedSolution(), e.informedParties(), e.dueAt(),
                e.delaySeconds(), e.late(), e.violations()));
    }

    /** The request fact for its own agreement, without the subject's reference. */
    public static SubjectRequestEvent request(SubjectRequestEvent event) {
        if (event instanceof SubjectRequestReceived e) {
            return new SubjectRequestReceived(e.requestId(), e.agreementId(), e.type(), e.receivedBy(), e.receivedOn(),
                    null, e.forwardBy(), e.answerBy());
        }
        return event;
    }

    /** Whether a mirrored fact names no agreement but {@code agreement} and holds no subject reference. */
    public static boolean holds(EvidenceEvent fact, AgreementId agreement) {
        if (fact instanceof BreachEvent breach) {
            return breach(breach, agreement).filter(fact::equals).isPresent();
        }
        if (fact instanceof SubjectRequestEvent request) {
            return agreement.equals(request.agreementId()) && request(request).equals(fact);
        }
        if (fact instanceof AuditEvent audit) {
            return agreement.equals(audit.agreementId());
        }
        return false;
    }
}
