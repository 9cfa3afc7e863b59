package nl.evidencestore.shared.terms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.event.agreement.DataLocationRegistered;
import nl.evidencestore.shared.event.agreement.DeletionConfirmed;
import nl.evidencestore.shared.event.agreement.DeletionOverdue;
import nl.evidencestore.shared.event.agreement.RetentionHoldPlaced;

/**
 * Art. 11.2 at one instant: every data location with its deletion state, and the deletion
 * obligation once the agreement has ended ({@code obligation} is null before that).
 */
public record DeletionAt(List<LocationAt> locations, ObligationAt obligation) {

    /**
     * One location: {@code DELETED} from its deletion date, {@code HELD} until the day after its
     * retention hold's {@code until}, {@code OPEN} otherwise; {@code dueAt} is when deletion is
     * due there, once the obligation exists and the location is not deleted.
     */
    public record LocationAt(DataLocationRegistered location, State state, DeletionConfirmed deletion,
                             RetentionHoldPlaced hold, Instant dueAt) {
        public enum State {
            OPEN,
            DELETED,
            HELD
        }
    }

    /**
     * The obligation: {@code FULFILLED} when every location is deleted or held beyond the due
     * date, {@code OVERDUE} when a location is open past its due instant, {@code OPEN} otherwise.
     * {@code overdue} lists what the store raised at its deadlines up to that instant; it stays
     * on the record when the obligation is fulfilled later.
     */
    public record ObligationAt(Status status, Instant dueAt, LocalDate fulfilledOn, List<String> openLocationIds,
                               List<DeletionOverdue> overdue) {
        public enum Status {
            OPEN,
            FULFILLED,
            OVERDUE
        }
    }
}
