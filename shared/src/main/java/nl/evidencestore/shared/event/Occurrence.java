package nl.evidencestore.shared.event;

import java.time.Instant;

/**
 * An event about something that happened in the world at an instant of its own, which may lie
 * well before the store recorded it: its hash envelope carries that instant as
 * {@code occurredAt} (docs/evidence-format.md §1), so that a stub still says when it happened.
 */
public interface Occurrence {
    Instant occurredAt();
}
