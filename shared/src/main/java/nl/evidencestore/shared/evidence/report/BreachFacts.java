package nl.evidencestore.shared.evidence.report;

import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.shared.event.breach.BreachAuthorityNotificationOverdue;
import nl.evidencestore.shared.event.breach.BreachClosed;
import nl.evidencestore.shared.event.breach.BreachConfirmed;
import nl.evidencestore.shared.event.breach.BreachDismissed;
import nl.evidencestore.shared.event.breach.BreachEvent;
import nl.evidencestore.shared.event.breach.BreachNotificationOverdue;
import nl.evidencestore.shared.event.breach.BreachNotified;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.model.Violation;

/**
 * One breach as far as the agreement's chain carries it (Art. 6): what was reported, each
 * notification with its delay, and the deadlines the store saw pass. The chain holds agreement-only
 * facts: other agreements' controllers are not this controller's business.
 */
final class BreachFacts {
    final String breachId;
    BreachReported reported;
    BreachConfirmed confirmed;
    BreachDismissed dismissed;
    BreachClosed closed;
    final List<BreachNotified> notifications = new ArrayList<>();
    final List<BreachNotificationOverdue> controllerOverdue = new ArrayList<>();
    final List<BreachAuthorityNotificationOverdue> authorityOverdue = new ArrayList<>();

    BreachFacts(String breachId) {
        this.breachId = breachId;
    }

    /** The Art. 6.1 violations the event carries: a late notification, or a deadline that passed. */
    static List<Violation> violations(BreachEvent event) {
        if (event instanceof BreachNotified e && e.violations() != null) {
            return e.violations();
        }
        if (event instanceof BreachNotificationOverdue e && e.violation() != null) {
            return List.of(e.violation());
        }
        if (event instanceof BreachAuthorityNotificationOverdue e && e.violation() != null) {
            return List.of(e.violation());
        }
        return List.of();
    }

    void apply(BreachEvent event) {
        if (event instanceof BreachReported e) {
            reported = e;
        } else if (event instanceof BreachConfirmed e) {
            confirmed = e;
        } else if (event instanceof BreachDismissed e) {
            dismissed = e;
        } else if (event instanceof BreachClosed e) {
            closed = e;
        } else if (event instanceof BreachNotified e) {
            notifications.add(e);
        } else if (event instanceof BreachNotificationOverdue e) {
            controllerOverdue.add(e);
        } else if (event instanceof BreachAuthorityNotificationOverdue e) {
            authorityOverdue.add(e);
        }
    }
}
