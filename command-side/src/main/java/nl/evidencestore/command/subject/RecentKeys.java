package nl.evidencestore.command.subject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of recently seen subjects, by lookup, so that the access path does not ask the
 * database for the same subjects again and again. Bounded (least recently used leaves first).
 *
 * <p>Only committed keys enter, and an erasure must never be undone by a transaction that read
 * the key before the erasure and commits after it: each erasure advances {@link #generation()},
 * and {@link #remember} refuses keys that were read in an earlier generation.
 */
final class RecentKeys {
    private final Map<String, SubjectKey> byLookup;
    /** The keys that opened references lately (a bundle's timeline opens the same subjects again and again). */
    private final Map<String, SubjectKey> byKeyId;
    private long generation;

    RecentKeys(int capacity) {
        this.byLookup = bounded(capacity);
        this.byKeyId = bounded(capacity);
    }

    private static Map<String, SubjectKey> bounded(int capacity) {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SubjectKey> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized long generation() {
        return generation;
    }

    synchronized SubjectKey get(String lookup) {
        return byLookup.get(lookup);
    }

    /** Keeps the keys of a committed transaction, unless an erasure happened since they were read. */
    synchronized void remember(Map<String, SubjectKey> keys, long readInGeneration) {
        if (readInGeneration == generation) {
            byLookup.putAll(keys);
        }
    }

    synchronized SubjectKey byKeyId(String keyId) {
        return byKeyId.get(keyId);
    }

    /** Keeps a key read to open a reference, unless an erasure happened since it was read. */
    synchronized void rememberOpened(SubjectKey key, long readInGeneration) {
        if (readInGeneration == generation) {
            byKeyId.put(key.keyId(), key);
        }
    }

    /** An erasure: the subject's lookup goes, and the opening keys all go (erasures are rare). */
    synchronized void forget(String lookup) {
        byLookup.remove(lookup);
        byKeyId.clear();
        generation++;
    }
}
