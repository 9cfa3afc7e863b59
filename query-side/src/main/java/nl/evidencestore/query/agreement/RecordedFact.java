package nl.evidencestore.query.agreement;

import java.time.Instant;
import nl.evidencestore.shared.event.agreement.AgreementEvent;

/** An agreement event with the transaction time that {@code knownAt} filters on. */
record RecordedFact(String eventId, long sequence, Instant recordedAt, AgreementEvent event) {
    boolean knownAt(Instant knownAt) {
        return knownAt == null || !recordedAt.isAfter(knownAt);
    }
}
