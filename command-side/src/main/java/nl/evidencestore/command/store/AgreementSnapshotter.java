package nl.evidencestore.command.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.evidencestore.command.agreement.Agreement;
import nl.evidencestore.command.agreement.AgreementSnapshot;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.mirror.MirroredFact;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes {@link AgreementSnapshot}s on a thread of its own, when Axon's trigger asks (every so
 * many events of one agreement). Axon's own snapshotter would read every event since the last
 * snapshot back through the serializer: for an agreement with a million accesses, a million
 * payloads. The few events a snapshot holds are picked out by their domain type in one query
 * over the stream's new range instead, and added to the previous snapshot's.
 */
public final class AgreementSnapshotter implements Snapshotter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgreementSnapshotter.class);
    private static final String AGGREGATE_TYPE = Agreement.class.getSimpleName();
    private static final String[] FOLDED_TYPES = Stream.concat(EventTypes.namesOf(AgreementEvent.class).stream(),
            EventTypes.namesOf(MirroredFact.class).stream()).sorted().toArray(String[]::new);
    /** Visible events of one stream are always a prefix: its appends hold the aggregate's lock until they commit. */
    private static final String LAST = "SELECT max(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?";
    /**
     * A row written before the domain type had a column of its own has none: its Java type's
     * simple name is its domain name ({@link EventTypes}). The range comes from the stream's
     * index; the type is a filter on its rows, which never leave the server.
     */
    private static final String DOMAIN_TYPE = "coalesce(eventType, regexp_replace(payloadType, '^.*[.$]', ''))";
    private static final String FOLDED = "SELECT " + DOMAIN_TYPE + ", payload FROM DomainEventEntry"
            + " WHERE aggregateIdentifier = ? AND sequenceNumber > ? AND sequenceNumber <= ?"
            + " AND " + DOMAIN_TYPE + " = ANY (?) ORDER BY sequenceNumber";

    private final EventStorageEngine engine;
    private final ConnectionProvider connections;
    private final ExecutorService thread;
    /** Agreements asked for and not yet begun: a burst of asks for one agreement takes one snapshot. */
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    /** {@code threads} makes the one thread snapshots are taken on; its connections come from {@code connections}. */
    public AgreementSnapshotter(EventStorageEngine engine, ConnectionProvider connections, ThreadFactory threads) {
        this.engine = engine;
        this.connections = connections;
        this.thread = Executors.newSingleThreadExecutor(threads);
    }

    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
        if (aggregateType != Agreement.class || !asked.add(aggregateIdentifier)) {
            return;
        }
        try {
            thread.execute(() -> {
                asked.remove(aggregateIdentifier);
                try {
                    take(aggregateIdentifier);
                } catch (RuntimeException | SQLException e) {
                    // A snapshot only saves reading: without it the agreement is read from its events.
                    LOG.warn("no snapshot of agreement {} this time", aggregateIdentifier, e);
                }
            });
        } catch (RejectedExecutionException closed) {
            // Asked while closing: the command that asked must not fail for want of a snapshot.
            asked.remove(aggregateIdentifier);
        }
    }

    /** The agreement's snapshot as of its last committed event; nothing when the last snapshot is that. */
    void take(String agreementId) throws SQLException {
        Optional<DomainEventMessage<?>> previous = previous(agreementId);
        long after = previous.map(DomainEventMessage::getSequenceNumber).orElse(-1L);
        List<Object> folded;
        long last;
        try (Connection connection = connections.getConnection()) {
            last = last(connection, agreementId);
            if (last <= after) {
                return;
            }
            folded = folded(connection, agreementId, after, last);
        }
        AgreementSnapshot base = previous.map(message -> (AgreementSnapshot) message.getPayload())
                .orElse(AgreementSnapshot.EMPTY);
        engine.storeSnapshot(new GenericDomainEventMessage<>(AGGREGATE_TYPE, agreementId, last, base.then(folded)));
    }

    /** The last snapshot, if it is one of these: another kind (or none readable) means starting from the first event. */
    private Optional<DomainEventMessage<?>> previous(String agreementId) {
        try {
            return engine.readSnapshot(agreementId).filter(message -> message.getPayload() instanceof AgreementSnapshot);
        } catch (RuntimeException e) {
            LOG.warn("the snapshot of agreement {} cannot be read; a new one is taken from its first event", agreementId, e);
            return Optional.empty();
        }
    }

    private static long last(Connection connection, String agreementId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LAST)) {
            statement.setString(1, agreementId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                long last = rows.getLong(1);
                return rows.wasNull() ? -1 : last;
            }
        }
    }

    /** The events of the stream in {@code (after, last]} that a snapshot keeps, read as the event store reads them. */
    private static List<Object> folded(Connection connection, String agreementId, long after, long last)
            throws SQLException {
        List<Object> folded = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(FOLDED)) {
            Array types = connection.createArrayOf("varchar", FOLDED_TYPES);
            statement.setString(1, agreementId);
            statement.setLong(2, after);
            statement.setLong(3, last);
            statement.setArray(4, types);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    folded.add(AgreementSnapshot.readEvent(rows.getString(1), rows.getBytes(2)));
                }
            }
        }
        return folded;
    }

    /**
     * What is wrong with a stored snapshot of the agreement at {@code sequence}, if anything: it
     * must hold exactly the lifecycle events and mirrored sources of the stream up to there. A
     * snapshot edited behind the store's back would change how its later accesses are judged.
     */
    public static Optional<String> difference(Connection connection, String agreementId, long sequence,
                                              byte[] stored) throws SQLException {
        if (sequence > last(connection, agreementId)) {
            return Optional.of("it reaches past the stream's last event");
        }
        AgreementSnapshot expected = AgreementSnapshot.EMPTY.then(folded(connection, agreementId, -1, sequence));
        AgreementSnapshot snapshot;
        List<AgreementEvent> lifecycle;
        try {
            snapshot = AgreementSnapshot.read(stored);
            lifecycle = snapshot.events();
        } catch (RuntimeException e) {
            return Optional.of("it cannot be read: " + e.getMessage());
        }
        if (!lifecycle.equals(expected.events())) {
            return Optional.of("its lifecycle events differ from the stream's");
        }
        if (!Set.copyOf(snapshot.mirroredSources()).equals(Set.copyOf(expected.mirroredSources()))) {
            return Optional.of("its mirrored facts differ from the stream's");
        }
        return Optional.empty();
    }

    /** Drops the asks not yet begun (the trigger asks again after a restart) and waits for the snapshot being taken. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("a snapshot was still being taken at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
