package nl.evidencestore.query.breach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.query.Category;
import nl.evidencestore.query.agreement.AgreementControllers;
import nl.evidencestore.query.breach.BreachView.Decision;
import nl.evidencestore.query.breach.BreachView.Notification;
import nl.evidencestore.query.breach.BreachView.NotificationDeadline;
import nl.evidencestore.query.obligation.DeadlineState;
import nl.evidencestore.shared.event.breach.BreachAuthorityNotificationOverdue;
import nl.evidencestore.shared.event.breach.BreachClosed;
import nl.evidencestore.shared.event.breach.BreachConfirmed;
import nl.evidencestore.shared.event.breach.BreachDismissed;
import nl.evidencestore.shared.event.breach.BreachEvent;
import nl.evidencestore.shared.event.breach.BreachNotificationOverdue;
import nl.evidencestore.shared.event.breach.BreachNotified;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachStatus;
import nl.evidencestore.shared.model.NotificationRecipient;
import nl.evidencestore.shared.model.Violation;

/**
 * Folds one breach's events into its view as of {@code now}. Each notification's lateness was
 * judged when it was recorded; a deadline's is that of its earliest notification, so a
 * notification recorded after the store raised an overdue fact, but made in time, clears the
 * deadline (the overdue fact stays in the history: it is what the store knew at the time).
 */
final class BreachFold {
    private BreachReported reported;
    private BreachStatus status;
    private Decision confirmation;
    private Decision dismissal;
    private Decision closure;
    private final List<BreachNotified> notifications = new ArrayList<>();
    private final Map<AgreementId, Violation> controllerOverdue = new HashMap<>();
    private Violation authorityOverdue;

    /** One branch per kind of breach event (no pattern switch in Java 17): add new kinds here. */
    void apply(BreachEvent event) {
        if (event instanceof BreachReported e) {
            reported = e;
            status = e.status();
        } else if (event instanceof BreachConfirmed e) {
            status = BreachStatus.CONFIRMED;
            confirmation = new Decision(e.confirmedOn(), e.note());
        } else if (event instanceof BreachDismissed e) {
            status = BreachStatus.DISMISSED;
            dismissal = new Decision(e.dismissedOn(), e.note());
        } else if (event instanceof BreachClosed e) {
            status = BreachStatus.CLOSED;
            closure = new Decision(e.closedOn(), e.summary());
        } else if (event instanceof BreachNotified e) {
            notifications.add(e);
        } else if (event instanceof BreachNotificationOverdue e) {
            controllerOverdue.put(e.agreementId(), e.violation());
        } else if (event instanceof BreachAuthorityNotificationOverdue e) {
            authorityOverdue = e.violation();
        }
    }

    /** Empty while the report itself has not arrived. */
    Optional<BreachView> view(Instant now, AgreementControllers controllers, long position) {
        if (reported == null) {
            return Optional.empty();
        }
        List<NotificationDeadline> agreements = reported.agreementIds().stream()
                .map(agreement -> deadline(agreement, controllers, reported.controllerNotificationDueAt(),
                        to(NotificationRecipient.CONTROLLER, agreement), controllerOverdue.get(agreement), now))
                .toList();
        NotificationDeadline authority = deadline(null, controllers, reported.authorityNotificationDueAt(),
                to(NotificationRecipient.AUTHORITY, null), authorityOverdue, now);
        return Optional.of(new BreachView(reported.breachId(), status, reported.status(), reported.discoveredAt(),
                reported.description(), reported.categories().stream().map(Category::of).toList(),
                reported.estimatedSubjects(), agreements, authority,
                notifications.stream().map(BreachFold::notification).toList(), confirmation, dismissal, closure,
                BreachView.anyOverdue(agreements, authority), position));
    }

    /** A dismissal ends every deadline not met; one that had passed by then stays late. */
    private NotificationDeadline deadline(AgreementId agreement, AgreementControllers controllers, Instant dueAt,
                                          List<BreachNotified> toIt, Violation overdueFact, Instant now) {
        Optional<BreachNotified> first = toIt.stream().min(Comparator.comparing(BreachNotified::notifiedAt));
        DeadlineState state = first.isPresent() ? DeadlineState.MET
                : dismissal != null ? DeadlineState.ENDED : DeadlineState.OPEN;
        // As the store judges it: the due instant itself is still in time, overdue is only what lies past it.
        boolean overdue = state == DeadlineState.OPEN && now.isAfter(dueAt);
        boolean late = first.map(BreachNotified::late).orElse(overdueFact != null || overdue);
        List<Violation> violations = first.map(BreachNotified::violations)
                .orElse(overdueFact == null ? List.of() : List.of(overdueFact));
        return new NotificationDeadline(agreement,
                agreement == null ? null : controllers.controllerOf(agreement).orElse(null), dueAt, state,
                first.map(BreachNotified::notifiedAt).orElse(null), first.map(BreachNotified::delaySeconds).orElse(null),
                late, overdue, overdueFact != null, violations);
    }

    private List<BreachNotified> to(NotificationRecipient recipient, AgreementId agreement) {
        return notifications.stream()
                .filter(n -> n.recipient() == recipient)
                .filter(n -> agreement == null || agreement.equals(n.agreementId()))
                .toList();
    }

    private static Notification notification(BreachNotified e) {
        return new Notification(e.notificationId(), e.recipient(), e.agreementId(), e.notifiedAt(), e.cause(),
                e.proposedSolution(), e.implementedSolution(), e.informedParties(), e.dueAt(), e.delaySeconds(),
                e.late(), e.violations());
    }
}
