package nl.evidencestore.command.access;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import nl.evidencestore.command.store.CommandLedger;
import nl.evidencestore.command.store.JdbcTransactions;
import nl.evidencestore.command.store.StoredPayloads;
import nl.evidencestore.command.subject.SubjectSeals;
import nl.evidencestore.command.submit.AppendedEvents;
import nl.evidencestore.shared.error.ConflictingDuplicate;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.rules.EmployeeRegister;
import nl.evidencestore.shared.subject.SealedSubject;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Records a batch of accesses in one PostgreSQL transaction, all or nothing: one root unit of
 * work, one nested command per agreement, one ledger row per access beside its event.
 * Repeats (same id, same content) answer their original verdict and append nothing; the same
 * id with other content, in the store or within the batch, refuses the whole batch.
 */
public final class AccessSubmitter {
    private static final int ATTEMPTS = 3;
    /** Another transaction won: a unique violation (23505), a deadlock (40P01), a serialization failure (40001). */
    private static final java.util.Set<String> RACES = java.util.Set.of("23505", "40P01", "40001");

    private final CommandGateway gateway;
    private final CommandLedger ledger;
    private final StoredPayloads payloads;
    private final JdbcTransactions transactions;
    private final SubjectSeals seals;
    private final EmployeeRegister register;
    private final Function<AgreementId, Optional<ControllerId>> controllerOf;

    public AccessSubmitter(CommandGateway gateway, CommandLedger ledger, StoredPayloads payloads,
                           JdbcTransactions transactions, SubjectSeals seals, EmployeeRegister register,
                           Function<AgreementId, Optional<ControllerId>> controllerOf) {
        this.register = register;
        this.gateway = gateway;
        this.ledger = ledger;
        this.payloads = payloads;
        this.transactions = transactions;
        this.seals = seals;
        this.controllerOf = controllerOf;
    }

    public AccessResult.Batch submit(List<ReportedAccess> accesses) {
        Map<String, ReportedAccess> unique = uniqueByKey(ReportedAccesses.notInFuture(accesses));
        Map<String, String> hashes = new HashMap<>();
        unique.forEach((key, access) -> hashes.put(key, ledger.contentHash(ReportedAccessJson.write(access))));
        for (int attempt = 1; ; attempt++) {
            try {
                return answer(accesses, record(unique, hashes));
            } catch (RuntimeException e) {
                // A concurrent batch recorded some of the same ids first: their ledger rows decide next time.
                if (attempt == ATTEMPTS || !isRace(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * What the transaction found and did: event ids of earlier and of new accesses, by key, and
     * the id of the last new event of each agreement's stream.
     */
    private record Recorded(Map<String, String> earlierEventIds, Map<String, String> newEventIds,
                            Map<String, AccessRecorded> newEvents, Collection<String> lastOfEachStream) {
    }

    private Recorded record(Map<String, ReportedAccess> unique, Map<String, String> hashes) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
                GenericCommandMessage.asCommandMessage("access-events"));
        unitOfWork.attachTransaction(transactions);
        ResultMessage<Map<String, String>> result = unitOfWork.executeWithResult(() -> {
            Map<String, CommandLedger.Entry> earlier = ledger.findAll(unique.keySet());
            refuseConflicts(earlier, hashes);
            List<ReportedAccess> fresh = unique.entrySet().stream()
                    .filter(entry -> !earlier.containsKey(entry.getKey())).map(Map.Entry::getValue).toList();
            lockEmployees(fresh);
            Map<ControllerId, Map<String, SealedSubject>> sealed = sealSubjects(fresh);
            dispatchByAgreement(unique, earlier, sealed);
            // After the dispatch: the event bus notes what was appended (AppendedEvents) in its own
            // prepare-commit step, which must run first.
            unitOfWork.onPrepareCommit(u -> ledger.recordAll(ledgerRows(u, hashes)));
            Map<String, String> earlierIds = new HashMap<>();
            earlier.forEach((key, entry) -> earlierIds.put(key, entry.eventIds().get(0)));
            return earlierIds;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        Map<String, String> newIds = new HashMap<>();
        Map<String, AccessRecorded> newEvents = new HashMap<>();
        Map<AgreementId, String> lastOfEachStream = new HashMap<>();
        recordedIn(unitOfWork).forEach((eventId, recorded) -> {
            newIds.put("access:" + recorded.accessId(), eventId);
            newEvents.put("access:" + recorded.accessId(), recorded);
            lastOfEachStream.put(recorded.agreementId(), eventId);
        });
        return new Recorded(result.getPayload(), newIds, newEvents, lastOfEachStream.values());
    }

    private static void refuseConflicts(Map<String, CommandLedger.Entry> earlier, Map<String, String> hashes) {
        List<String> conflicting = earlier.entrySet().stream()
                .filter(entry -> !entry.getValue().contentSha256().equals(hashes.get(entry.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
        if (!conflicting.isEmpty()) {
            throw new ConflictingDuplicate(conflicting);
        }
    }

    /**
     * The employees of the batch looked up (and their register locks taken) once, in one order,
     * before any agreement is locked: the agreements' handlers find them in this unit of work.
     * Taken per agreement instead, a registration waiting for one batch's shared lock would make
     * a second batch, holding another agreement, queue behind it: a circle neither the database
     * nor Axon sees.
     */
    private void lockEmployees(Collection<ReportedAccess> accesses) {
        List<String> employees = accesses.stream().filter(access -> access.actor().kind() == ActorKind.EMPLOYEE)
                .map(access -> access.actor().id()).distinct().toList();
        if (!employees.isEmpty()) {
            register.forEmployees(employees);
        }
    }

    /**
     * The batch's new subjects (not those of repeats: an erased subject must not get a key again)
     * sealed with one key look-up per practice, before any agreement is
     * locked: the locks, which the batch holds to its commit, are held neither across key-store
     * queries nor across the encryption. One seal per subject and batch; its key id already
     * shows which events name the same subject.
     */
    private Map<ControllerId, Map<String, SealedSubject>> sealSubjects(Collection<ReportedAccess> accesses) {
        Map<ControllerId, Set<String>> byController = new HashMap<>();
        for (ReportedAccess access : accesses) {
            controllerOf.apply(access.agreementId()).ifPresent(controller ->
                    byController.computeIfAbsent(controller, c -> new HashSet<>()).add(access.subjectRef()));
        }
        Map<ControllerId, Map<String, SealedSubject>> sealed = new HashMap<>();
        byController.forEach((controller, refs) -> {
            SubjectSeals.Sealer sealer = seals.forSubjects(controller, refs);
            Map<String, SealedSubject> ofController = new HashMap<>();
            refs.forEach(ref -> ofController.put(ref, sealer.seal(ref)));
            sealed.put(controller, ofController);
        });
        return sealed;
    }

    private void dispatchByAgreement(Map<String, ReportedAccess> unique, Map<String, CommandLedger.Entry> earlier,
                                     Map<ControllerId, Map<String, SealedSubject>> sealed) {
        // Each agreement's lock is held to the commit: batches that named the same agreements in
        // different orders would deadlock. Taken in one order (by id), they queue instead.
        Map<AgreementId, List<ReportedAccess>> fresh = new TreeMap<>(Comparator.comparing(AgreementId::value));
        unique.forEach((key, access) -> {
            if (!earlier.containsKey(key)) {
                fresh.computeIfAbsent(access.agreementId(), id -> new ArrayList<>()).add(access);
            }
        });
        fresh.forEach((agreementId, batch) -> {
            try {
                gateway.sendAndWait(new RecordAccesses(agreementId, batch, sealedFor(agreementId, batch, sealed)));
            } catch (AggregateNotFoundException e) {
                // The message names no id: api.md's errors never echo what was submitted.
                throw new RuleViolation(null, "an access names an agreement that does not exist");
            }
        });
    }

    private Map<String, SealedSubject> sealedFor(AgreementId agreementId, List<ReportedAccess> batch,
                                                 Map<ControllerId, Map<String, SealedSubject>> sealed) {
        Map<String, SealedSubject> ofController = controllerOf.apply(agreementId).map(sealed::get).orElse(Map.of());
        Map<String, SealedSubject> ofBatch = new HashMap<>();
        for (ReportedAccess access : batch) {
            SealedSubject seal = ofController.get(access.subjectRef());
            if (seal != null) {
                ofBatch.put(access.subjectRef(), seal);
            }
        }
        return ofBatch;
    }

    private static List<CommandLedger.Row> ledgerRows(UnitOfWork<?> unitOfWork, Map<String, String> hashes) {
        List<CommandLedger.Row> rows = new ArrayList<>();
        recordedIn(unitOfWork).forEach((eventId, recorded) -> {
            String key = "access:" + recorded.accessId();
            rows.add(new CommandLedger.Row(key, hashes.get(key), List.of(eventId)));
        });
        return rows;
    }

    /** The accesses this unit of work appended, by event id, in the order they were applied. */
    private static Map<String, AccessRecorded> recordedIn(UnitOfWork<?> unitOfWork) {
        Map<String, AccessRecorded> recorded = new LinkedHashMap<>();
        AppendedEvents.appendedIn(unitOfWork.root()).forEach(appended -> {
            if (appended.payload() instanceof AccessRecorded access) {
                recorded.put(appended.eventId(), access);
            }
        });
        return recorded;
    }

    private AccessResult.Batch answer(List<ReportedAccess> accesses, Recorded recorded) {
        Map<String, byte[]> originals = recorded.earlierEventIds().isEmpty()
                ? Map.of() : payloads.byEventId(recorded.earlierEventIds().values());
        List<AccessResult> results = new ArrayList<>(accesses.size());
        Map<String, Integer> seen = new HashMap<>();
        for (ReportedAccess access : accesses) {
            String key = access.idempotencyKey();
            boolean repeatWithinBatch = seen.merge(key, 1, Integer::sum) > 1;
            String newId = recorded.newEventIds().get(key);
            if (newId != null) {
                results.add(AccessResult.of(newId, recorded.newEvents().get(key), repeatWithinBatch));
            } else {
                String eventId = recorded.earlierEventIds().get(key);
                results.add(AccessResult.of(eventId, Json.read(originals.get(eventId), AccessRecorded.class), true));
            }
        }
        return new AccessResult.Batch(position(recorded), results);
    }

    /**
     * The highest position among the batch's events, so that a read with {@code minPosition} sees
     * all of them; a batch of repeats answers the latest original. A stream's events are inserted
     * in their order, so its last one holds its highest position: the ledger looks up one event
     * per agreement, not every event of the batch, and takes the maximum.
     */
    private long position(Recorded recorded) {
        return ledger.positionOf(List.copyOf(recorded.newEventIds().isEmpty()
                ? recorded.earlierEventIds().values() : recorded.lastOfEachStream()));
    }

    /** The first occurrence of each id; a second with other content refuses the batch. */
    private static Map<String, ReportedAccess> uniqueByKey(List<ReportedAccess> accesses) {
        Map<String, ReportedAccess> unique = new LinkedHashMap<>();
        List<String> conflicting = new ArrayList<>();
        for (ReportedAccess access : accesses) {
            ReportedAccess first = unique.putIfAbsent(access.idempotencyKey(), access);
            if (first != null && !first.equals(access)) {
                conflicting.add(access.idempotencyKey());
            }
        }
        if (!conflicting.isEmpty()) {
            throw ConflictingDuplicate.withinOneRequest(conflicting.stream().distinct().sorted().toList());
        }
        return unique;
    }

    private static boolean isRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException
                    || cause instanceof SQLException sql && RACES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
