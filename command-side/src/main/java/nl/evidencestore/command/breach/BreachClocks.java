package nl.evidencestore.command.breach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.evidencestore.shared.event.breach.BreachAuthorityNotificationOverdue;
import nl.evidencestore.shared.event.breach.BreachEvent;
import nl.evidencestore.shared.event.breach.BreachNotificationOverdue;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.NotificationRecipient;

/** A breach's deadlines (Art. 6.1): one per affected agreement's controller, one for the authority. */
final class BreachClocks {
    private final Map<AgreementId, NotificationClock> controllers = new LinkedHashMap<>();
    private NotificationClock authority;

    void reported(BreachReported event) {
        NotificationClock controllerClock = NotificationClock.runningUntil(event.controllerNotificationDueAt());
        event.agreementIds().forEach(id -> controllers.put(id, controllerClock));
        authority = NotificationClock.runningUntil(event.authorityNotificationDueAt());
    }

    boolean affects(AgreementId agreementId) {
        return controllers.containsKey(agreementId);
    }

    /** The clock a notification to this recipient meets; none for the data subjects. */
    NotificationClock of(NotificationRecipient recipient, AgreementId agreementId) {
        return switch (recipient) {
            case CONTROLLER -> controllers.get(agreementId);
            case AUTHORITY -> authority;
            case DATA_SUBJECTS -> null;
        };
    }

    /** The overdue facts due by {@code now} that are not on the record yet. */
    List<BreachEvent> overdueAt(BreachId breach, Instant now) {
        List<BreachEvent> overdue = new ArrayList<>();
        controllers.forEach((agreement, clock) -> {
            if (clock.overdueUnraisedAt(now)) {
                overdue.add(controllerOverdue(breach, agreement, clock.dueAt()));
            }
        });
        if (authority.overdueUnraisedAt(now)) {
            overdue.add(authorityOverdue(breach, authority.dueAt()));
        }
        return overdue;
    }

    /** The controllers' clocks that a dismissal now would stop. */
    List<AgreementId> controllersRunningAt(Instant now) {
        return controllers.entrySet().stream()
                .filter(entry -> entry.getValue().runningAt(now))
                .map(Map.Entry::getKey)
                .toList();
    }

    boolean authorityRunningAt(Instant now) {
        return authority.runningAt(now);
    }

    void met(NotificationRecipient recipient, AgreementId agreementId, Instant notifiedAt) {
        if (recipient == NotificationRecipient.CONTROLLER) {
            controllers.computeIfPresent(agreementId, (id, clock) -> clock.withMetAt(notifiedAt));
        } else if (recipient == NotificationRecipient.AUTHORITY) {
            authority = authority.withMetAt(notifiedAt);
        }
    }

    void stopped(List<AgreementId> stoppedControllers, boolean authorityStopped) {
        stoppedControllers.forEach(id -> controllers.computeIfPresent(id, (key, clock) -> clock.withStopped()));
        if (authorityStopped) {
            authority = authority.withStopped();
        }
    }

    void controllerOverdueRaised(AgreementId agreementId) {
        controllers.computeIfPresent(agreementId, (id, clock) -> clock.withOverdueRaised());
    }

    void authorityOverdueRaised() {
        authority = authority.withOverdueRaised();
    }

    static BreachNotificationOverdue controllerOverdue(BreachId breach, AgreementId agreement, Instant dueAt) {
        return new BreachNotificationOverdue(breach, agreement, dueAt, BreachNotifications.CONTROLLER_NOT_NOTIFIED);
    }

    static BreachAuthorityNotificationOverdue authorityOverdue(BreachId breach, Instant dueAt) {
        return new BreachAuthorityNotificationOverdue(breach, dueAt, BreachNotifications.AUTHORITY_NOT_NOTIFIED);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BreachClocks clocks && controllers.equals(clocks.controllers)
                && Objects.equals(authority, clocks.authority);
    }

    @Override
    public int hashCode() {
        return Objects.hash(controllers, authority);
    }
}
