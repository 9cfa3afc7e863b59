package nl.evidencestore.command.agreement;

import java.time.Instant;
import java.time.LocalDate;
import nl.evidencestore.shared.model.ValidTime;

/**
 * Art. 11.2: how many days after the agreement ends the processor has to delete the controller's
 * data (default 30). The composition root registers the configured one as an Axon component; the
 * aggregate gets it as a command handler parameter ({@link DefaultDeletionPeriod} otherwise).
 */
public record DeletionPeriod(int days) {
    public static final DeletionPeriod DEFAULT = new DeletionPeriod(30);

    public DeletionPeriod {
        if (days < 0) {
            throw new IllegalArgumentException("the deletion period must be 0 days or more");
        }
    }

    /** Counted in calendar days in Amsterdam: due at 00:00 on {@code terminatedOn} plus the period. */
    public Instant dueAt(LocalDate terminatedOn) {
        return ValidTime.startOf(terminatedOn.plusDays(days));
    }
}
