package nl.evidencestore.shared.evidence.report;

import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.shared.event.breach.BreachNotified;

/**
 * Breaches (Art. 6) and subject requests (Art. 7) as the agreement's own chain holds them: both
 * live in streams of their own, and every fact of them that concerns the agreement is mirrored
 * into its chain, so the report shows only what the bundle's lines prove.
 */
final class ObligationSections {
    private static final String ABSENT = " Every breach and request fact that concerns this agreement enters its own"
            + " chain moments after it is recorded, so the chain up to the export holds them all but the last moments' ones.";

    private ObligationSections() {
    }

    static void breaches(Html html, ReportFigures figures) {
        html.section("breaches", "Breaches and notifications");
        List<BreachFacts> breaches = figures.breaches();
        if (breaches.isEmpty()) {
            html.p("None recorded in this bundle." + ABSENT).endSection();
            return;
        }
        html.table("Breaches (Art. 6.1, 6.2)", List.of("Breach", "Standing", "Discovered at", "Categories",
                "Estimated subjects", "Controller to be notified by", "Authority to be notified by"),
                breaches.stream().<List<?>>map(ObligationSections::breachRow).toList());
        List<List<?>> notifications = new ArrayList<>();
        breaches.forEach(b -> b.notifications.forEach(n -> notifications.add(notificationRow(b.breachId, n))));
        if (!notifications.isEmpty()) {
            html.table("Notifications (Art. 6.1, 6.3), delay measured from discovery", List.of("Breach", "Recipient",
                    "Notified at", "Delay", "Due at", "Timely"), notifications);
        }
        List<List<?>> overdue = new ArrayList<>();
        breaches.forEach(b -> {
            b.controllerOverdue.forEach(o -> overdue.add(List.of(b.breachId, "controller notification", Formats.instant(o.dueAt()))));
            b.authorityOverdue.forEach(o -> overdue.add(List.of(b.breachId, "authority notification (GDPR Art. 33)",
                    Formats.instant(o.dueAt()))));
        });
        if (!overdue.isEmpty()) {
            html.table("Deadlines that passed without a notification", List.of("Breach", "Deadline", "Due at"), overdue);
        }
        html.endSection();
    }

    private static List<?> breachRow(BreachFacts b) {
        var r = b.reported;
        return List.of(b.breachId, standing(b), r == null ? Formats.NONE : Formats.instant(r.discoveredAt()),
                r == null ? Formats.NONE : Formats.categories(r.categories()),
                r == null ? Formats.NONE : Formats.count(r.estimatedSubjects()),
                r == null ? Formats.NONE : Formats.instant(r.controllerNotificationDueAt()),
                r == null ? Formats.NONE : Formats.instant(r.authorityNotificationDueAt()));
    }

    private static String standing(BreachFacts b) {
        if (b.closed != null) {
            return "closed on " + Formats.date(b.closed.closedOn());
        }
        if (b.dismissed != null) {
            return "dismissed on " + Formats.date(b.dismissed.dismissedOn());
        }
        if (b.confirmed != null) {
            return "confirmed on " + Formats.date(b.confirmed.confirmedOn());
        }
        return b.reported == null ? Formats.NONE : Formats.words(b.reported.status().name());
    }

    private static List<?> notificationRow(String breachId, BreachNotified n) {
        return List.of(breachId, Formats.words(n.recipient().name()), Formats.instant(n.notifiedAt()),
                Formats.delay(n.delaySeconds()), Formats.instant(n.dueAt()),
                n.dueAt() == null ? "nothing was due" : n.late() ? "LATE (Art. 6.1)" : "on time");
    }

    static void subjectRequests(Html html, ReportFigures figures) {
        html.section("subject-requests", "Requests of data subjects");
        List<RequestFacts> requests = figures.requests();
        if (requests.isEmpty()) {
            html.p("None recorded in this bundle." + ABSENT).endSection();
            return;
        }
        html.p("The subject behind each request is personal data and is not shown.");
        html.table("Requests (Art. 7.1; answer period GDPR Art. 12(3))", List.of("Request", "Type", "Received",
                "Forward by", "Forwarded", "Answer by", "Resolved"),
                requests.stream().<List<?>>map(ObligationSections::requestRow).toList());
        html.endSection();
    }

    private static List<?> requestRow(RequestFacts r) {
        var in = r.received;
        String answerBy = r.extended != null ? Formats.date(r.extended.answerBy()) + " (extended: " + Formats.text(r.extended.reason()) + ")"
                : in == null ? Formats.NONE : Formats.date(in.answerBy());
        String forwarded = r.forwarded != null
                ? Formats.date(r.forwarded.forwardedOn()) + (r.forwarded.late() ? ", LATE (Art. 7.1)" : ", on time")
                : r.forwardingOverdue != null ? "OVERDUE (Art. 7.1)" : Formats.NONE;
        String resolved = r.resolved != null
                ? Formats.date(r.resolved.resolvedOn()) + (r.resolved.late() ? ", late" : ", on time")
                : r.overdue != null ? "OVERDUE (controller's deadline)" : "open";
        return List.of(r.requestId, in == null ? Formats.NONE : Formats.words(in.type().name()),
                in == null ? Formats.NONE : Formats.date(in.receivedOn()) + " by the " + Formats.words(in.receivedBy().name()),
                in == null ? Formats.NONE : Formats.date(in.forwardBy()), forwarded, answerBy, resolved);
    }
}
