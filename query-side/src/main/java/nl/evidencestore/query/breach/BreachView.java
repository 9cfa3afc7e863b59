package nl.evidencestore.query.breach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import nl.evidencestore.query.Category;
import nl.evidencestore.query.obligation.DeadlineState;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.BreachStatus;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.NotificationRecipient;
import nl.evidencestore.shared.model.Violation;

/**
 * A breach as of now: one notification deadline per affected agreement and one for the
 * authority, every notification with its delay since discovery and whether it was late, and
 * {@code overdue} when a deadline still open has passed.
 */
public record BreachView(BreachId breachId, BreachStatus status, BreachStatus reportedAs, Instant discoveredAt,
                         String description, List<Category> categories, long estimatedSubjects,
                         List<NotificationDeadline> agreements, NotificationDeadline authority,
                         List<Notification> notifications, Decision confirmation, Decision dismissal,
                         Decision closure, boolean overdue, long position) {

    /**
     * One clock: {@code late} when it was met late or passed unmet (an Art. 6.1 violation, in
     * {@code violations}); {@code overdue} when it is still open and has passed.
     * {@code overdueRecorded} says the store raised its overdue fact.
     */
    public record NotificationDeadline(AgreementId agreementId, ControllerId controllerId, Instant dueAt,
                                       DeadlineState state, Instant notifiedAt, Long delaySeconds, boolean late,
                                       boolean overdue, boolean overdueRecorded, List<Violation> violations) {
    }

    public record Notification(String notificationId, NotificationRecipient recipient, AgreementId agreementId,
                               Instant notifiedAt, String cause, String proposedSolution, String implementedSolution,
                               List<String> informedParties, Instant dueAt, long delaySeconds, boolean late,
                               List<Violation> violations) {
    }

    /** A confirmation, dismissal or closure: the day and the note (for a closure, the summary). */
    public record Decision(LocalDate on, String note) {
    }

    /** Whether any of these agreements is affected. */
    public boolean affectsAny(Predicate<AgreementId> visible) {
        return agreements.stream().anyMatch(deadline -> visible.test(deadline.agreementId()));
    }

    /** The view without the agreements the caller may not see, nor anything that names them. */
    public BreachView scopedTo(Predicate<AgreementId> visible) {
        List<NotificationDeadline> seen = agreements.stream().filter(d -> visible.test(d.agreementId())).toList();
        List<Notification> told = notifications.stream()
                .filter(n -> n.agreementId() == null || visible.test(n.agreementId())).toList();
        return new BreachView(breachId, status, reportedAs, discoveredAt, description, categories, estimatedSubjects,
                seen, authority, told, confirmation, dismissal, closure, anyOverdue(seen, authority), position);
    }

    static boolean anyOverdue(List<NotificationDeadline> agreements, NotificationDeadline authority) {
        return authority.overdue() || agreements.stream().anyMatch(NotificationDeadline::overdue);
    }
}
