package nl.evidencestore.query;

import java.io.IOException;
import java.util.Optional;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.AccessPayload;
import nl.evidencestore.shared.json.JcsScanner;
import nl.evidencestore.shared.kafka.ForwardedEvent;

/** Turns a forwarded event's payload back into its event record. */
public final class Events {
    private Events() {
    }

    /**
     * The typed event, or empty for a type this build does not know (a newer command side):
     * such an event is still indexed, projections just skip it.
     *
     * @throws IllegalArgumentException when the payload does not fit its declared type
     */
    public static Optional<EvidenceEvent> decode(ForwardedEvent event) {
        Decoded last = LAST.get();
        if (last != null && last.event() == event) {
            return last.typed();
        }
        Optional<EvidenceEvent> typed = decodeOnce(event);
        LAST.set(new Decoded(event, typed));
        return typed;
    }

    /**
     * The feed hands one event to the timeline and to every projection in turn, on one thread,
     * and each decodes it: the last event decoded (by identity; both are immutable) is kept.
     */
    private static final ThreadLocal<Decoded> LAST = new ThreadLocal<>();

    private record Decoded(ForwardedEvent event, Optional<EvidenceEvent> typed) {
    }

    /**
     * Nearly every event is an access, stored in its canonical form: read by hand (as the
     * bundle verifier reads it) once the bytes are checked to be that form; anything else, or
     * any surprise, goes to the mapper.
     */
    private static AccessRecorded canonicalAccess(byte[] json, int from, int to) {
        return JcsScanner.isCanonical(json, from, to) ? AccessPayload.read(json, from, to) : null;
    }

    private static Optional<EvidenceEvent> decodeOnce(ForwardedEvent event) {
        Optional<Class<? extends EvidenceEvent>> type = EventTypes.classOf(event.type());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (type.get() == AccessRecorded.class) {
            AccessRecorded access = event.payload().readWith(Events::canonicalAccess);
            if (access != null) {
                return Optional.of(access);
            }
        }
        try {
            return Optional.of(event.payload().as(type.get()));
        } catch (IOException e) {
            // The message may quote the payload, which can hold personal data: keep only the kind.
            throw new IllegalArgumentException("payload does not fit " + event.type()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
