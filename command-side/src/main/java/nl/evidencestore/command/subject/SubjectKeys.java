package nl.evidencestore.command.subject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import nl.evidencestore.command.store.KeyedDigest;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.subject.SealedSubject;
import nl.evidencestore.shared.subject.SubjectRefs;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The key store of crypto-shredding, in the event store's database (tables: see
 * {@code SubjectKeyTables}). One random key per (controller, subject reference), found by an
 * HMAC lookup; written and destroyed through the connection of the command's transaction, so
 * that a key exists exactly when the events sealed under it were committed, and an erasure
 * commits with its {@code SubjectErased} event.
 *
 * <p>The access path seals a batch with one select for all its subjects and one batched insert
 * of the new keys, at the root unit of work's commit. Keys of committed transactions are kept
 * in {@link RecentKeys}; a key made in a transaction that rolls back never reaches it.
 *
 * <p>A transaction that took a subject's key just before it was erased, and commits after,
 * leaves its events sealed under the destroyed key: they are erased with the rest, which is
 * what the erasure asked for.
 */
public final class SubjectKeys implements SubjectSeals, SubjectRefs {
    private static final String IN_THIS_UNIT = SubjectKeys.class.getName() + ".keys";

    private final ConnectionProvider connections;
    private final SubjectLookup lookup;
    private final RecentKeys recent;
    /**
     * Every erased key id, committed: a timeline page asks for its hits' keys, and a query per
     * page took one of the request connections that commands queue for (quality.md W3). Erasures
     * are rare (one per erased subject), and only this process writes them.
     */
    private final Set<String> erasedKeyIds = ConcurrentHashMap.newKeySet();

    private SubjectKeys(ConnectionProvider connections, SubjectLookup lookup, int cacheSize) {
        this.connections = connections;
        this.lookup = lookup;
        this.recent = new RecentKeys(cacheSize);
    }

    /** Reads the store's lookup secret, making it on first use, and the erased key ids; the tables must exist. */
    public static SubjectKeys load(ConnectionProvider connections, int cacheSize) {
        SubjectKeys keys = new SubjectKeys(connections,
                new SubjectLookup(KeyedDigest.withSecretIn(connections, "subject_key_secret")), cacheSize);
        keys.erasedKeyIds.addAll(keys.allErasedInStore());
        return keys;
    }

    /** What one root unit of work looked up and made, by lookup; new keys are inserted at its commit. */
    private static final class Unit {
        final long generation;
        final Map<String, SubjectKey> keys = new HashMap<>();
        // Sorted by lookup: transactions inserting keys of the same subjects take their index
        // entries in one order, so they queue (and one meets the unique violation) instead of deadlocking.
        final Map<String, SubjectKey> made = new TreeMap<>();

        Unit(long generation) {
            this.generation = generation;
        }
    }

    @Override
    public Sealer forSubjects(ControllerId controller, Collection<String> subjectRefs) {
        Unit unit = unit();
        Map<String, String> lookups = new HashMap<>();
        subjectRefs.forEach(ref -> lookups.computeIfAbsent(ref, r -> lookup.of(controller, r)));
        Set<String> missing = new TreeSet<>();
        for (String key : lookups.values()) {
            if (!unit.keys.containsKey(key)) {
                SubjectKey known = recent.get(key);
                if (known != null) {
                    unit.keys.put(key, known);
                } else {
                    missing.add(key);
                }
            }
        }
        if (!missing.isEmpty()) {
            unit.keys.putAll(read(missing));
        }
        lookups.values().forEach(key -> unit.keys.computeIfAbsent(key, k -> {
            SubjectKey made = SubjectKey.fresh(controller);
            unit.made.put(k, made);
            return made;
        }));
        return ref -> {
            String key = lookups.get(ref);
            if (key == null) {
                throw new IllegalArgumentException("a subject reference is sealed only after it was looked up");
            }
            return unit.keys.get(key).seal(ref);
        };
    }

    @Override
    public Optional<String> erase(ControllerId controller, String subjectRef) {
        UnitOfWork<?> root = inTransaction();
        String key = lookup.of(controller, subjectRef);
        recent.forget(key);
        root.afterCommit(u -> recent.forget(key));
        try (Connection connection = connections.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM subject_keys WHERE lookup = ? RETURNING key_id");
             PreparedStatement tombstone = connection.prepareStatement(
                     "INSERT INTO subject_key_erasures (key_id) VALUES (?)")) {
            delete.setString(1, key);
            try (ResultSet row = delete.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String keyId = row.getString(1);
                tombstone.setString(1, keyId);
                tombstone.executeUpdate();
                root.afterCommit(u -> erasedKeyIds.add(keyId));
                return Optional.of(keyId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot erase a subject's key", e);
        }
    }

    @Override
    public Opened open(SealedSubject sealed) {
        SubjectKey known = recent.byKeyId(sealed.keyId());
        if (known != null) {
            return new Readable(known.open(sealed));
        }
        long generation = recent.generation();
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT controller_id, key FROM subject_keys WHERE key_id = ?");
             PreparedStatement erased = connection.prepareStatement(
                     "SELECT 1 FROM subject_key_erasures WHERE key_id = ?")) {
            select.setString(1, sealed.keyId());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    SubjectKey key = new SubjectKey(sealed.keyId(), ControllerId.of(row.getString(1)), row.getBytes(2));
                    // Inside a transaction the row might be its own, not yet committed: remembered only outside.
                    if (connection.getAutoCommit()) {
                        recent.rememberOpened(key, generation);
                    }
                    return new Readable(key.open(sealed));
                }
            }
            erased.setString(1, sealed.keyId());
            try (ResultSet row = erased.executeQuery()) {
                return row.next() ? new Erased(sealed.keyId()) : new UnknownKey(sealed.keyId());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the key store", e);
        }
    }

    /**
     * Opens each distinct key once: the cache first, then one select of the keys and one of the
     * erasures for the rest. Each reference is opened with its own key; the map is by key id.
     */
    @Override
    public Map<String, Opened> openAll(Collection<SealedSubject> sealed) {
        Map<String, Opened> opened = new HashMap<>();
        Map<String, SealedSubject> missing = new HashMap<>();
        for (SealedSubject each : sealed) {
            SubjectKey known = recent.byKeyId(each.keyId());
            if (known != null) {
                opened.putIfAbsent(each.keyId(), new Readable(known.open(each)));
            } else {
                missing.putIfAbsent(each.keyId(), each);
            }
        }
        if (!missing.isEmpty()) {
            opened.putAll(openMissing(missing));
        }
        return opened;
    }

    private Map<String, Opened> openMissing(Map<String, SealedSubject> missing) {
        Map<String, Opened> opened = new HashMap<>();
        long generation = recent.generation();
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT key_id, controller_id, key FROM subject_keys WHERE key_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", missing.keySet().toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    SubjectKey key = new SubjectKey(row.getString(1), ControllerId.of(row.getString(2)), row.getBytes(3));
                    if (connection.getAutoCommit()) {
                        recent.rememberOpened(key, generation);
                    }
                    opened.put(key.keyId(), new Readable(key.open(missing.get(key.keyId()))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the key store", e);
        }
        List<String> unopened = missing.keySet().stream().filter(keyId -> !opened.containsKey(keyId)).toList();
        Set<String> erased = erased(unopened);
        unopened.forEach(keyId -> opened.put(keyId, erased.contains(keyId) ? new Erased(keyId) : new UnknownKey(keyId)));
        return opened;
    }

    /**
     * From memory, but inside a unit of work from the store: there the unit's own erasure, not
     * yet committed, counts too.
     */
    @Override
    public Set<String> erased(Collection<String> keyIds) {
        if (CurrentUnitOfWork.isStarted()) {
            return keyIds.isEmpty() ? new HashSet<>() : erasedInStore(keyIds);
        }
        Set<String> erased = new HashSet<>();
        for (String keyId : keyIds) {
            if (erasedKeyIds.contains(keyId)) {
                erased.add(keyId);
            }
        }
        return erased;
    }

    private Set<String> allErasedInStore() {
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT key_id FROM subject_key_erasures")) {
            return keyIds(select);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the key store", e);
        }
    }

    private Set<String> erasedInStore(Collection<String> keyIds) {
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT key_id FROM subject_key_erasures WHERE key_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", keyIds.stream().distinct().toArray()));
            return keyIds(select);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the key store", e);
        }
    }

    private static Set<String> keyIds(PreparedStatement select) throws SQLException {
        Set<String> keyIds = new HashSet<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                keyIds.add(row.getString(1));
            }
        }
        return keyIds;
    }

    /** The root unit of work's keys, registering the insert of new keys and the cache update once. */
    private Unit unit() {
        UnitOfWork<?> root = inTransaction();
        return root.getOrComputeResource(IN_THIS_UNIT, name -> {
            Unit unit = new Unit(recent.generation());
            root.onPrepareCommit(u -> insert(unit.made));
            root.afterCommit(u -> recent.remember(unit.keys, unit.generation));
            return unit;
        });
    }

    private static UnitOfWork<?> inTransaction() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("subject keys are made and destroyed only inside a command's unit of work");
        }
        return CurrentUnitOfWork.get().root();
    }

    private Map<String, SubjectKey> read(Set<String> lookups) {
        Map<String, SubjectKey> found = new HashMap<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT lookup, key_id, controller_id, key FROM subject_keys WHERE lookup = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", lookups.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.put(row.getString(1),
                            new SubjectKey(row.getString(2), ControllerId.of(row.getString(3)), row.getBytes(4)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the key store", e);
        }
    }

    /**
     * One batch for all new keys. A concurrent transaction that made a key for the same subject
     * first makes this insert fail as a unique violation: the race the submitters retry.
     */
    private void insert(Map<String, SubjectKey> made) {
        if (made.isEmpty()) {
            return;
        }
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO subject_keys (lookup, key_id, controller_id, key) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, SubjectKey> entry : made.entrySet()) {
                insert.setString(1, entry.getKey());
                insert.setString(2, entry.getValue().keyId());
                insert.setString(3, entry.getValue().controller().value());
                insert.setBytes(4, entry.getValue().key());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the key store", e);
        }
    }
}
