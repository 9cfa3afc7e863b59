package nl.evidencestore.command.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.mirror.MirroredFact;
import nl.evidencestore.shared.json.Json;

/**
 * What an {@link Agreement} holds after the events up to a sequence number, as the events that
 * made it: its lifecycle events in order, and the source events of the facts mirrored into its
 * chain. Its accesses, nearly all of a long stream, change nothing the aggregate keeps, so a
 * snapshot spares a restarted store from reading them all again. The aggregate folds the
 * lifecycle events as it folds them from the stream, so a snapshot can hold no state the fold
 * would not make, and a store with a changed fold reads an older snapshot the new way.
 */
public record AgreementSnapshot(List<Lifecycle> lifecycle, List<String> mirroredSources) {
    /** Read as events are: a member an older version did not write, or wrote and a newer one dropped, is no error. */
    private static final ObjectMapper LENIENT =
            Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static final AgreementSnapshot EMPTY = new AgreementSnapshot(List.of(), List.of());

    public AgreementSnapshot {
        lifecycle = List.copyOf(lifecycle);
        mirroredSources = List.copyOf(mirroredSources);
    }

    /** A stored event of an agreement's stream, by its domain type and stored payload, read as the event store reads it. */
    public static Object readEvent(String type, byte[] payload) {
        try {
            return LENIENT.readValue(payload, eventClass(type));
        } catch (IOException e) {
            throw new IllegalArgumentException("a stored " + type + " cannot be read", e);
        }
    }

    /** A stored snapshot, read as Axon's serializer reads it: a member this version does not know is no error. */
    public static AgreementSnapshot read(byte[] stored) {
        try {
            return LENIENT.readValue(stored, AgreementSnapshot.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("a stored snapshot cannot be read", e);
        }
    }

    private static Class<?> eventClass(String type) {
        return EventTypes.classOf(type).orElseThrow(() -> new IllegalArgumentException("an unknown event type " + type));
    }

    /** One lifecycle event by its stable domain name ({@link EventTypes}) and its payload. */
    public record Lifecycle(String type, JsonNode payload) {
        static Lifecycle of(AgreementEvent event) {
            return new Lifecycle(EventTypes.nameOf(event.getClass()), Json.mapper().valueToTree(event));
        }

        AgreementEvent event() {
            try {
                return (AgreementEvent) LENIENT.treeToValue(payload, eventClass(type));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("a snapshot's " + type + " cannot be read", e);
            }
        }
    }

    /** This and then {@code events} in stream order, of which it keeps what the aggregate folds. */
    public AgreementSnapshot then(List<?> events) {
        List<Lifecycle> nextLifecycle = new ArrayList<>(lifecycle);
        Set<String> nextMirrored = new LinkedHashSet<>(mirroredSources);
        for (Object event : events) {
            if (event instanceof AgreementEvent agreementEvent) {
                nextLifecycle.add(Lifecycle.of(agreementEvent));
            } else if (event instanceof MirroredFact fact) {
                nextMirrored.add(fact.source().eventId());
            }
        }
        return new AgreementSnapshot(nextLifecycle, List.copyOf(nextMirrored));
    }

    /** The lifecycle events in the order they were applied. */
    public List<AgreementEvent> events() {
        return lifecycle.stream().map(Lifecycle::event).toList();
    }
}
