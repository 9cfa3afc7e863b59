package nl.evidencestore.command.agreement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.evidencestore.command.access.AccessPolicy;
import nl.evidencestore.command.access.InstructionOwners;
import nl.evidencestore.command.access.PastAccesses;
import nl.evidencestore.command.access.ReassessVerdicts;
import nl.evidencestore.command.access.RecordAccesses;
import nl.evidencestore.command.access.ReportedAccess;
import nl.evidencestore.command.disclosure.RecordDisclosure;
import nl.evidencestore.command.subject.EraseSubject;
import nl.evidencestore.command.subject.SubjectSeals;
import nl.evidencestore.command.time.StoreTime;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.access.VerdictReassessed;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.agreement.AgreementSigned;
import nl.evidencestore.shared.event.agreement.AgreementTerminated;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.event.agreement.AmendmentObjected;
import nl.evidencestore.shared.event.agreement.AmendmentProposed;
import nl.evidencestore.shared.event.agreement.DataLocationRegistered;
import nl.evidencestore.shared.event.agreement.DeletionConfirmed;
import nl.evidencestore.shared.event.agreement.DeletionObligationFulfilled;
import nl.evidencestore.shared.event.agreement.DeletionObligationOpened;
import nl.evidencestore.shared.event.agreement.DeletionOverdue;
import nl.evidencestore.shared.event.agreement.EvidenceBundleSealed;
import nl.evidencestore.shared.event.agreement.EvidenceExported;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.event.agreement.PurposeAdded;
import nl.evidencestore.shared.event.agreement.RetentionHoldPlaced;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentGranted;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentRevoked;
import nl.evidencestore.shared.event.agreement.SubProcessorProposed;
import nl.evidencestore.shared.event.agreement.SubjectErased;
import nl.evidencestore.shared.event.agreement.TransferConsentGranted;
import nl.evidencestore.shared.event.disclosure.DisclosureRecorded;
import nl.evidencestore.shared.event.mirror.MirroredFact;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.SubProcessor;
import nl.evidencestore.shared.model.ValidTime;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.rules.AccessFacts;
import nl.evidencestore.shared.rules.AccessRules;
import nl.evidencestore.shared.rules.DisclosureRules;
import nl.evidencestore.shared.rules.EmployeeRegister;
import nl.evidencestore.shared.rules.ReferenceData;
import nl.evidencestore.shared.terms.AgreementTerms;
import nl.evidencestore.shared.terms.DataLocations;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One processing agreement. Its lifecycle events fold into {@link AgreementTerms}, the same
 * bitemporal model the query side shows and the verifier checks with; command handlers are
 * guard clauses on it, then {@code apply}.
 */
public class Agreement {
    @AggregateIdentifier
    private AgreementId agreementId;
    private final AgreementTerms terms = new AgreementTerms();
    private final Map<Party, LocalDate> signatures = new EnumMap<>(Party.class);
    /** The source events whose facts this chain holds already: a breach has a handful, a request a few. */
    private final Set<String> mirroredSources = new HashSet<>();
    /** Bundles exported of this agreement (Art. 9), and the root hash of each one sealed: a handful per audit. */
    private final Set<String> exportedBundles = new HashSet<>();
    private final Map<String, String> sealedRoots = new HashMap<>();

    Agreement() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Agreement(DraftAgreement command) {
        apply(new AgreementDrafted(command.agreementId(), command.controller(), command.processor(),
                command.documentSha256(), command.version(), command.dataCategories(), command.purposes(),
                command.subProcessors(), command.requireRegisteredInstructions()));
    }

    // Art. 11.1 and the signature block

    @CommandHandler
    void handle(SignAgreement command) {
        if (terms.terminatedOn().isPresent()) {
            throw new RuleViolation("11.2", "the agreement has been terminated; it can no longer be signed");
        }
        if (signatures.containsKey(command.party())) {
            throw new RuleViolation("11.1", "the " + command.party() + " has signed already; each party signs once");
        }
        String drafted = terms.draft().orElseThrow().documentSha256();
        if (command.documentSha256() != null && !command.documentSha256().equals(drafted)) {
            throw new RuleViolation("11.1", "the signed document's hash differs from the drafted agreement text");
        }
        StoreTime.notInFuture(command.signedOn(), "signedOn");
        apply(new AgreementSigned(agreementId, command.party(), command.signatory(), command.place(),
                command.signedOn(), command.documentSha256()));
        if (signatures.size() == Party.values().length) {
            apply(new AgreementTookEffect(agreementId, lastSignature()));
        }
    }

    /** Art. 11.1: effective on the date of the last signature. */
    private LocalDate lastSignature() {
        return signatures.values().stream().max(LocalDate::compareTo).orElseThrow();
    }

    // Art. 1, 2.3, 3, 11 and Annex 1: every access is recorded, judged as the agreement stood when it occurred

    @CommandHandler
    void handle(RecordAccesses command, EmployeeRegister register, AccessPolicy policy, SubjectSeals seals,
                InstructionOwners instructions) {
        Instant now = GenericEventMessage.clock.instant();
        Set<String> othersInstructions = othersInstructions(command.accesses(), instructions);
        // Art. 2.3 read once for the whole batch, consistent with this transaction.
        EmployeeRegister employees = register.forEmployees(command.accesses().stream()
                .filter(access -> access.actor().kind() == ActorKind.EMPLOYEE).map(access -> access.actor().id()).toList());
        // The subjects' keys, too: looked up once for the batch, and the references sealed before they enter an event.
        SubjectSeals.Sealer subjects = sealer(command, seals);
        for (ReportedAccess access : command.accesses()) {
            AccessFacts facts = new AccessFacts(access.actor(), access.purpose(), access.instructionRef(),
                    access.categories(), access.country(), access.occurredAt(),
                    access.instructionRef() != null && othersInstructions.contains(access.instructionRef()));
            AccessRules.Judgement judgement = AccessRules.judge(facts, terms, employees);
            boolean late = access.occurredAt().plus(policy.recordedLateAfter()).isBefore(now);
            apply(new AccessRecorded(agreementId, access.accessId(), access.actor(), access.purpose(),
                    access.instructionRef(), access.categories(), subjects.seal(access.subjectRef()), access.country(),
                    access.system(), access.occurredAt(), judgement.verdict(), judgement.instructionVerified(), late,
                    ReferenceData.VERSION, facts.instructionOfAnotherAgreement()));
        }
    }

    /** The submitter's seals where it made them; the agreement seals the rest itself. */
    private SubjectSeals.Sealer sealer(RecordAccesses command, SubjectSeals seals) {
        List<String> unsealed = command.accesses().stream().map(ReportedAccess::subjectRef)
                .filter(ref -> !command.sealed().containsKey(ref)).toList();
        if (unsealed.isEmpty()) {
            return command.sealed()::get;
        }
        SubjectSeals.Sealer rest = seals.forSubjects(controller(), unsealed);
        return ref -> command.sealed().containsKey(ref) ? command.sealed().get(ref) : rest.seal(ref);
    }

    /** Art. 1.1: of the instructions cited but not registered here, those another agreement registered; asked once a batch. */
    private Set<String> othersInstructions(List<ReportedAccess> accesses, InstructionOwners instructions) {
        List<String> notOurs = accesses.stream().map(ReportedAccess::instructionRef)
                .filter(ref -> ref != null && terms.instruction(ref).isEmpty()).distinct().toList();
        return notOurs.isEmpty() ? Set.of() : instructions.ofOtherAgreements(agreementId, notOurs);
    }

    // GDPR Art. 17 in the store itself: crypto-shredding of one subject of this agreement's controller

    /** Recorded even when no key existed, so that the request is on the record; the reference never is. */
    @CommandHandler
    void handle(EraseSubject command, SubjectSeals seals) {
        LocalDate requestedOn = StoreTime.notInFuture(command.requestedOn(), "requestedOn");
        String keyId = seals.erase(controller(), command.subjectRef()).orElse(null);
        apply(new SubjectErased(agreementId, command.erasureId(), keyId, requestedOn));
    }

    private ControllerId controller() {
        return terms.draft().orElseThrow().controller().id();
    }

    // Art. 8

    /** Recorded whatever its basis: the verdict says whether Art. 8.2 allowed it. */
    @CommandHandler
    void handle(RecordDisclosure command) {
        StoreTime.notInFuture(command.disclosedOn(), "disclosedOn");
        apply(new DisclosureRecorded(agreementId, command.disclosureId(), command.recipient(), command.legalBasis(),
                command.consentReference(), command.description(), command.categories(), command.disclosedOn(),
                DisclosureRules.judge(command.legalBasis(), command.consentReference())));
    }

    // Art. 1.1 — the controller's documented instructions

    /** The owners' row first, in this transaction: accesses of other agreements citing the id see it once committed. */
    @CommandHandler
    void handle(RegisterInstruction command, InstructionOwners owners) {
        if (terms.instruction(command.instructionId()).isPresent()) {
            throw new RuleViolation("1.1", "an instruction with this instructionId is registered for this agreement already");
        }
        refuseFromTheEnd(command.issuedOn(), "issuedOn");
        InstructionRegistered registered = new InstructionRegistered(agreementId, command.instructionId(),
                command.kind(), command.issuedOn(), command.validUntil(), command.purposes(), command.categories());
        owners.record(registered);
        apply(registered);
    }

    // Art. 1.2 and 1.3 — purposes the controller adds

    @CommandHandler
    void handle(AddPurpose command) {
        refuseFromTheEnd(command.grantedOn(), "grantedOn");
        if (terms.at(ValidTime.startOf(command.grantedOn())).purposes().contains(command.purpose())) {
            throw new RuleViolation("1.2", "the agreement allows this purpose on grantedOn already");
        }
        apply(new PurposeAdded(agreementId, command.purpose(), command.consentReference(), command.grantedOn()));
    }

    // Art. 3.1 and Annex 2 — sub-processors and the controller's prior written consent

    @CommandHandler
    void handle(ProposeSubProcessor command) {
        if (terms.subProcessors().containsKey(command.subProcessorId())) {
            throw new RuleViolation("3.1", "a sub-processor with this subProcessorId is known to this agreement already");
        }
        if (terms.terminatedOn().isPresent()) {
            throw new RuleViolation("11.2", "the agreement has been terminated; no sub-processor can be proposed");
        }
        apply(new SubProcessorProposed(agreementId, command.subProcessor()));
    }

    @CommandHandler
    void handle(GrantSubProcessorConsent command) {
        requireSubProcessor(command.subProcessorId());
        refuseFromTheEnd(command.grantedOn(), "grantedOn");
        apply(new SubProcessorConsentGranted(agreementId, command.subProcessorId(), command.consentReference(),
                command.grantedOn(), command.flowDownContractSha256()));
    }

    @CommandHandler
    void handle(RevokeSubProcessorConsent command) {
        requireSubProcessor(command.subProcessorId());
        if (!terms.at(ValidTime.startOf(command.revokedOn())).consentsTo(command.subProcessorId())) {
            throw new RuleViolation("3.1", "the sub-processor had no consent in force on revokedOn to revoke");
        }
        apply(new SubProcessorConsentRevoked(agreementId, command.subProcessorId(), command.revokedOn()));
    }

    private void requireSubProcessor(String subProcessorId) {
        if (!terms.subProcessors().containsKey(subProcessorId)) {
            throw new RuleViolation("3.1", "no sub-processor with this subProcessorId was listed or proposed for this agreement");
        }
    }

    // Art. 3.2 — consent to processing outside the EEA

    @CommandHandler
    void handle(GrantTransferConsent command) {
        refuseFromTheEnd(command.grantedOn(), "grantedOn");
        apply(new TransferConsentGranted(agreementId, command.country(), command.consentReference(), command.grantedOn()));
    }

    // Art. 11.3 — amendments and objections

    @CommandHandler
    void handle(ProposeAmendment command) {
        if (terms.amendment(command.amendmentId()).isPresent()) {
            throw new RuleViolation("11.3", "an amendment with this amendmentId was proposed for this agreement already");
        }
        LocalDate effective = terms.effectiveOn().orElseThrow(() ->
                new RuleViolation("11.3", "the agreement has not taken effect; only an agreement in force is amended"));
        if (command.noticeGivenOn().isBefore(effective)) {
            throw new RuleViolation("11.3", "notice of an amendment cannot be given before the agreement took effect");
        }
        StoreTime.notInFuture(command.noticeGivenOn(), "noticeGivenOn");
        if (command.effectiveOn().isBefore(command.noticeGivenOn().plusMonths(1))) {
            throw new RuleViolation("11.3", "an amendment takes effect at least one month after its notice is given");
        }
        refuseFromTheEnd(command.effectiveOn(), "effectiveOn");
        for (SubProcessor added : command.changes().addSubProcessors()) {
            SubProcessor known = terms.subProcessors().get(added.subProcessorId());
            if (known != null && !known.equals(added)) {
                throw new RuleViolation("3.1", "an added sub-processor has the subProcessorId of another one");
            }
        }
        if (!terms.subProcessors().keySet().containsAll(command.changes().removeSubProcessors())) {
            throw new RuleViolation("11.3", "a sub-processor to remove is not known to this agreement");
        }
        apply(new AmendmentProposed(agreementId, command.amendmentId(), command.proposedBy(), command.description(),
                command.noticeGivenOn(), command.effectiveOn(), command.documentSha256(), command.changes()));
    }

    @CommandHandler
    void handle(ObjectToAmendment command, DeletionPeriod deletionPeriod, DeadlineManager deadlines) {
        AmendmentProposed amendment = terms.amendment(command.amendmentId()).orElseThrow(() ->
                new RuleViolation("11.3", "no amendment with this amendmentId was proposed for this agreement"));
        if (command.party() == amendment.proposedBy()) {
            throw new RuleViolation("11.3", "only the party that did not propose the amendment can object to it");
        }
        if (terms.objectedTo(command.amendmentId())) {
            throw new RuleViolation("11.3", "the amendment was objected to already");
        }
        StoreTime.notInFuture(command.objectedOn(), "objectedOn");
        if (command.objectedOn().isBefore(amendment.noticeGivenOn())) {
            throw new RuleViolation("11.3", "an objection cannot come before the amendment's notice");
        }
        if (!command.objectedOn().isBefore(amendment.effectiveOn())) {
            throw new RuleViolation("11.3", "the amendment took effect before the objection; an objection comes before its effective date");
        }
        // "opzeggen tegen het einde van deze maand": the agreement ends when the notice month does.
        LocalDate endOfNotice = amendment.noticeGivenOn().plusMonths(1);
        if (command.terminate() && !command.objectedOn().isBefore(endOfNotice)) {
            throw new RuleViolation("11.3", "a party can end the agreement over an amendment only within the notice month");
        }
        if (command.terminate() && terms.terminatedOn().isPresent()) {
            throw new RuleViolation("11.2", "the agreement has been terminated already; object without terminating it");
        }
        apply(new AmendmentObjected(agreementId, command.amendmentId(), command.party(), command.objectedOn(),
                command.terminate()));
        if (command.terminate()) {
            terminate(endOfNotice, "the " + command.party() + " objected to amendment " + command.amendmentId()
                    + " and ended the agreement at the end of the notice month (Art. 11.3)", deletionPeriod, deadlines);
        }
    }

    // Art. 11.2 — termination, and deletion after it

    @CommandHandler
    void handle(TerminateAgreement command, DeletionPeriod deletionPeriod, DeadlineManager deadlines) {
        if (terms.terminatedOn().isPresent()) {
            throw new RuleViolation("11.2", "the agreement has been terminated already; it ends once");
        }
        LocalDate effective = terms.effectiveOn().orElseThrow(() ->
                new RuleViolation("11.2", "the agreement never took effect, so it cannot be terminated"));
        if (!command.terminatedOn().isAfter(effective)) {
            throw new RuleViolation("11.2", "terminatedOn must be after the day the agreement took effect");
        }
        terminate(command.terminatedOn(), command.reason(), deletionPeriod, deadlines);
    }

    @CommandHandler
    void handle(RegisterDataLocation command) {
        if (terms.locations().knows(command.locationId())) {
            throw new RuleViolation("11.2", "a data location with this locationId is registered for this agreement already");
        }
        apply(new DataLocationRegistered(agreementId, command.locationId(), command.description()));
        // Registered after the end, it joins the obligation; past the obligation's due instant it is overdue at once.
        terms.locations().dueAt().filter(dueAt -> !now().isBefore(dueAt))
                .ifPresent(dueAt -> obligationDue(new DeletionDeadlines.ObligationDue(dueAt)));
    }

    @CommandHandler
    void handle(ConfirmDeletion command) {
        requireLocation(command.locationId());
        if (terms.locations().deleted(command.locationId())) {
            throw new RuleViolation("11.2", "the deletion at this location was confirmed already");
        }
        // A deletion still to come would close the location, and fulfil the obligation, before it happens.
        StoreTime.notInFuture(command.deletedOn(), "deletedOn");
        apply(new DeletionConfirmed(agreementId, command.locationId(), command.deletedOn(), command.method(),
                command.categories(), command.certificateSha256()));
        fulfilWhenClosed();
    }

    @CommandHandler
    void handle(PlaceRetentionHold command, DeadlineManager deadlines) {
        requireLocation(command.locationId());
        if (terms.locations().deleted(command.locationId())) {
            throw new RuleViolation("11.2", "the data at this location was deleted already; there is nothing to hold");
        }
        apply(new RetentionHoldPlaced(agreementId, command.locationId(), command.legalBasis(), command.until(),
                command.categories()));
        if (terms.locations().holdsBeyondDue().containsKey(command.locationId())) {
            awaitHoldEnd(command.locationId(), command.until(), deadlines);
        }
        fulfilWhenClosed();
    }

    @DeadlineHandler(deadlineName = DeletionDeadlines.OBLIGATION_DUE)
    void obligationDue(DeletionDeadlines.ObligationDue due) {
        List<String> open = terms.locations().overdueAt(due.dueAt());
        if (!open.isEmpty()) {
            apply(new DeletionOverdue(agreementId, due.dueAt(), open));
        }
    }

    @DeadlineHandler(deadlineName = DeletionDeadlines.HOLD_ENDS)
    void holdEnded(DeletionDeadlines.HoldEnds hold) {
        if (terms.locations().lapses(hold.locationId(), hold.until())) {
            apply(new DeletionOverdue(agreementId, DataLocations.holdEnds(hold.until()), List.of(hold.locationId())));
        }
    }

    /**
     * Ends the agreement and opens the deletion obligation. A deadline that has passed by the time
     * the end is recorded (a late or back-dated termination) is met at once; only future ones go
     * to the deadline manager. The obligation's own deadline comes first: a hold that outlasts it
     * kept its location closed then.
     */
    private void terminate(LocalDate terminatedOn, String reason, DeletionPeriod deletionPeriod, DeadlineManager deadlines) {
        apply(new AgreementTerminated(agreementId, terminatedOn, reason));
        Instant dueAt = deletionPeriod.dueAt(terminatedOn);
        apply(new DeletionObligationOpened(agreementId, dueAt, terms.locations().holdingData()));
        if (now().isBefore(dueAt)) {
            deadlines.schedule(dueAt, DeletionDeadlines.OBLIGATION_DUE, new DeletionDeadlines.ObligationDue(dueAt));
        } else {
            obligationDue(new DeletionDeadlines.ObligationDue(dueAt));
        }
        terms.locations().holdsBeyondDue().forEach((locationId, until) -> awaitHoldEnd(locationId, until, deadlines));
        fulfilWhenClosed();
    }

    private void awaitHoldEnd(String locationId, LocalDate until, DeadlineManager deadlines) {
        Instant ends = DataLocations.holdEnds(until);
        if (now().isBefore(ends)) {
            deadlines.schedule(ends, DeletionDeadlines.HOLD_ENDS, new DeletionDeadlines.HoldEnds(locationId, until));
        } else {
            holdEnded(new DeletionDeadlines.HoldEnds(locationId, until));
        }
    }

    private void fulfilWhenClosed() {
        DataLocations locations = terms.locations();
        if (locations.obligationOpen() && locations.allClosed()) {
            apply(new DeletionObligationFulfilled(agreementId, locations.fulfilledOn()));
        }
    }

    private void requireLocation(String locationId) {
        if (!terms.locations().knows(locationId)) {
            throw new RuleViolation("11.2", "no data location with this locationId is registered for this agreement");
        }
    }

    /** Art. 11.2: once the agreement has ended, nothing more takes effect under it. */
    private void refuseFromTheEnd(LocalDate on, String field) {
        if (terms.terminatedOn().filter(end -> !on.isBefore(end)).isPresent()) {
            throw new RuleViolation("11.2", field + " is on or after the day the agreement ended; nothing takes effect under it then");
        }
    }

    // Bitemporal verdicts — a term recorded later may change the answer for accesses judged before it

    @CommandHandler
    void handle(ReassessVerdicts command, PastAccesses past, EmployeeRegister register) {
        List<PastAccesses.Judged> accesses = past.occurredSince(agreementId, command.validFrom());
        EmployeeRegister employees = register.forEmployees(accesses.stream().map(access -> access.facts().actor())
                .filter(actor -> actor.kind() == ActorKind.EMPLOYEE).map(actor -> actor.id()).toList());
        for (PastAccesses.Judged access : accesses) {
            Verdict now = AccessRules.judge(access.facts(), terms, employees).verdict();
            if (!now.equals(access.verdict())) {
                apply(new VerdictReassessed(agreementId, access.accessId(), access.facts(), access.verdict(), now,
                        command.causeEventId()));
            }
        }
    }

    // Art. 9 — an export of evidence is itself on the record

    @CommandHandler
    void handle(ExportEvidence command) {
        apply(new EvidenceExported(agreementId, command.bundleId(), command.from(), command.to(),
                command.exportedBy(), command.previousCheckpointRoot()));
    }

    /**
     * The export event cannot carry the root of the checkpoint that covers it, so the root follows
     * in its own event. Sealed once: a repeat with the same root appends nothing (a retried
     * export), another root for the same bundle is refused, as is a bundle never exported here.
     */
    @CommandHandler
    void handle(SealEvidenceBundle command) {
        if (!exportedBundles.contains(command.bundleId())) {
            throw new RuleViolation("9", "no export of this bundle is recorded for this agreement");
        }
        String sealedWith = sealedRoots.get(command.bundleId());
        if (sealedWith == null) {
            apply(new EvidenceBundleSealed(agreementId, command.bundleId(), command.treeSize(), command.rootHash(),
                    command.checkpointTime()));
        } else if (!sealedWith.equals(command.rootHash())) {
            throw new RuleViolation("9", "this bundle was sealed with another root hash already");
        }
    }

    // Facts about this agreement that live in other streams (a breach, a subject request, an audit) enter its own chain

    /** Sent at least once per source event; a source already entered appends nothing. */
    @CommandHandler
    void handle(MirrorFact command) {
        if (!mirroredSources.contains(command.fact().source().eventId())) {
            apply(command.fact());
        }
    }

    @EventSourcingHandler
    void on(MirroredFact event) {
        mirroredSources.add(event.source().eventId());
    }

    /** When this command's events are recorded: Axon stamps them with this clock (a fixture's simulated time in tests). */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /** What the events up to a snapshot made: folded the same way, so the snapshot holds nothing else. */
    @EventSourcingHandler
    void on(AgreementSnapshot snapshot) {
        snapshot.events().forEach(this::on);
        mirroredSources.addAll(snapshot.mirroredSources());
    }

    @EventSourcingHandler
    void on(AgreementEvent event) {
        terms.apply(event);
        if (event instanceof AgreementDrafted drafted) {
            agreementId = drafted.agreementId();
        } else if (event instanceof AgreementSigned signed) {
            signatures.put(signed.party(), signed.signedOn());
        } else if (event instanceof EvidenceExported exported) {
            exportedBundles.add(exported.bundleId());
        } else if (event instanceof EvidenceBundleSealed sealed) {
            sealedRoots.put(sealed.bundleId(), sealed.rootHash());
        }
    }
}
