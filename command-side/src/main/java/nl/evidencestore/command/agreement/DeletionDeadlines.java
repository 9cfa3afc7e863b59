package nl.evidencestore.command.agreement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Art. 11.2: the deadlines an agreement sets itself, by name, with what each carries. Payloads are
 * records so that a persistent deadline manager can store them as JSON.
 */
public final class DeletionDeadlines {
    /** The deletion obligation falls due: locations still open are overdue. */
    static final String OBLIGATION_DUE = "deletion-obligation-due";
    /** A retention hold that outlasts the obligation ends: its location is overdue unless deleted. */
    static final String HOLD_ENDS = "retention-hold-ends";

    private DeletionDeadlines() {
    }

    public record ObligationDue(Instant dueAt) {
    }

    public record HoldEnds(String locationId, LocalDate until) {
    }
}
