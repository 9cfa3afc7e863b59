package nl.evidencestore.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events of many streams, each in sequence order and each once, however often Kafka
 * delivers it. Written by the feed's thread only; read by any number of query threads, each
 * of which sees a stream's list as one immutable snapshot.
 */
public final class Streams<K, E> {
    private record Recorded<E>(long sequence, E event) {
    }

    private final Map<K, List<Recorded<E>>> streams = new ConcurrentHashMap<>();
    private final Set<String> seenEventIds = ConcurrentHashMap.newKeySet();

    public boolean seen(String eventId) {
        return seenEventIds.contains(eventId);
    }

    public void add(String eventId, K stream, long sequence, E event) {
        if (!seenEventIds.add(eventId)) {
            return;
        }
        Recorded<E> recorded = new Recorded<>(sequence, event);
        streams.merge(stream, List.of(recorded), (current, ignored) -> with(current, recorded));
    }

    /** Kafka keeps a stream's order; sorting anyway makes every fold independent of it. */
    private static <E> List<Recorded<E>> with(List<Recorded<E>> current, Recorded<E> recorded) {
        List<Recorded<E>> next = new ArrayList<>(current);
        next.add(recorded);
        next.sort(Comparator.comparingLong(Recorded::sequence));
        return List.copyOf(next);
    }

    public Optional<List<E>> stream(K key) {
        return Optional.ofNullable(streams.get(key)).map(Streams::events);
    }

    public Collection<List<E>> all() {
        return streams.values().stream().map(Streams::events).toList();
    }

    private static <E> List<E> events(List<Recorded<E>> recorded) {
        return recorded.stream().map(Recorded::event).toList();
    }
}
