package nl.evidencestore.shared.terms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.agreement.AgreementTerminated;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.event.agreement.AmendmentObjected;
import nl.evidencestore.shared.event.agreement.AmendmentProposed;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.event.agreement.PurposeAdded;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentGranted;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentRevoked;
import nl.evidencestore.shared.event.agreement.SubProcessorProposed;
import nl.evidencestore.shared.event.agreement.TransferConsentGranted;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.SubProcessor;
import nl.evidencestore.shared.model.ValidTime;
import nl.evidencestore.shared.terms.ConsentStatus.Basis;

/**
 * Everything an agreement's lifecycle events say about what it allows, folded in stream order
 * and answerable for any instant of valid time ({@link #at}). The command side judges accesses
 * with it, the query side shows it, and the verifier recomputes verdicts with it: the rules
 * live here once.
 */
public final class AgreementTerms {
    private AgreementDrafted drafted;
    private LocalDate effectiveOn;
    private LocalDate terminatedOn;
    private final List<Dated<Change>> changes = new ArrayList<>();
    private final Map<String, SubProcessor> subProcessors = new LinkedHashMap<>();
    /** Per sub-processor, every dated fact that gave or withdrew consent, in stream order. */
    private final Map<String, List<ConsentFact>> consents = new HashMap<>();
    private int sequence;
    /**
     * Every fact is dated, so the terms change only at Amsterdam midnights: a batch of accesses
     * on one day is judged against one computed state.
     */
    private final transient Map<LocalDate, TermsAt> byDay = new HashMap<>();
    private final transient ValidTime.LastDay days = new ValidTime.LastDay();
    private static final int DAYS_REMEMBERED = 4_096;
    private final List<TransferConsentGranted> transferConsents = new ArrayList<>();
    private final Map<String, InstructionRegistered> instructions = new LinkedHashMap<>();
    private final Map<String, AmendmentProposed> amendments = new LinkedHashMap<>();
    private final Map<String, AmendmentObjected> objections = new HashMap<>();
    private final DataLocations locations = new DataLocations();

    /** A change to what the agreement allows, from a date on. */
    private record Dated<T>(LocalDate on, T change) {
    }

    private sealed interface Change permits AddPurpose, Amend {
    }

    private record AddPurpose(PurposeAdded added) implements Change {
    }

    private record Amend(String amendmentId) implements Change {
    }

    /**
     * Consent given ({@code gives}) or withdrawn from {@code on}; the latest fact wins, later-recorded
     * on a tie. {@code basis} and {@code reference} (a consent reference or an amendment id) say where it came from.
     */
    private record ConsentFact(LocalDate on, int sequence, boolean gives, Basis basis, String reference,
                               String flowDownContractSha256) {
    }

    private static final Comparator<ConsentFact> LATEST_LAST =
            Comparator.comparing(ConsentFact::on).thenComparingInt(ConsentFact::sequence);

    /** Listing in Annex 2 consents from the start; the agreement being in force is checked apart. */
    private static final LocalDate SINCE_THE_AGREEMENT = LocalDate.of(1900, 1, 1);

    /** One branch per kind of lifecycle event that changes what is allowed; others pass by. */
    public void apply(AgreementEvent event) {
        sequence++;
        byDay.clear();
        locations.apply(event);
        if (event instanceof AgreementDrafted e) {
            drafted(e);
        } else if (event instanceof AgreementTookEffect e) {
            effectiveOn = e.effectiveOn();
        } else if (event instanceof AgreementTerminated e) {
            terminatedOn = terminatedOn == null || e.terminatedOn().isBefore(terminatedOn) ? e.terminatedOn() : terminatedOn;
        } else if (event instanceof PurposeAdded e) {
            changes.add(new Dated<>(e.grantedOn(), new AddPurpose(e)));
        } else if (event instanceof InstructionRegistered e) {
            instructions.put(e.instructionId(), e);
        } else if (event instanceof SubProcessorProposed e) {
            subProcessors.putIfAbsent(e.subProcessor().subProcessorId(), e.subProcessor());
        } else if (event instanceof SubProcessorConsentGranted e) {
            consentFact(e.subProcessorId(), new ConsentFact(e.grantedOn(), sequence, true, Basis.CONSENT,
                    e.consentReference(), e.flowDownContractSha256()));
        } else if (event instanceof SubProcessorConsentRevoked e) {
            consentFact(e.subProcessorId(), new ConsentFact(e.revokedOn(), sequence, false, Basis.CONSENT, null, null));
        } else if (event instanceof TransferConsentGranted e) {
            transferConsents.add(e);
        } else if (event instanceof AmendmentProposed e) {
            amendments.put(e.amendmentId(), e);
            e.changes().addSubProcessors().forEach(sp -> subProcessors.putIfAbsent(sp.subProcessorId(), sp));
            changes.add(new Dated<>(e.effectiveOn(), new Amend(e.amendmentId())));
        } else if (event instanceof AmendmentObjected e) {
            objections.putIfAbsent(e.amendmentId(), e);
        }
    }

    private void drafted(AgreementDrafted e) {
        drafted = e;
        // Annex 2: the controller consents to the listed sub-processors by signing the agreement.
        e.subProcessors().forEach(s -> {
            subProcessors.put(s.subProcessorId(), s);
            consentFact(s.subProcessorId(), new ConsentFact(SINCE_THE_AGREEMENT, sequence, true, Basis.ANNEX_2, null, null));
        });
    }

    private void consentFact(String subProcessorId, ConsentFact fact) {
        consents.computeIfAbsent(subProcessorId, id -> new ArrayList<>()).add(fact);
    }

    public boolean isDrafted() {
        return drafted != null;
    }

    public Optional<AgreementDrafted> draft() {
        return Optional.ofNullable(drafted);
    }

    public Optional<LocalDate> effectiveOn() {
        return Optional.ofNullable(effectiveOn);
    }

    public Optional<LocalDate> terminatedOn() {
        return Optional.ofNullable(terminatedOn);
    }

    public Optional<InstructionRegistered> instruction(String instructionId) {
        return Optional.ofNullable(instructions.get(instructionId));
    }

    public Optional<AmendmentProposed> amendment(String amendmentId) {
        return Optional.ofNullable(amendments.get(amendmentId));
    }

    public boolean objectedTo(String amendmentId) {
        return objections.containsKey(amendmentId);
    }

    /** Every sub-processor known to the agreement, listed, proposed or added by an amendment, in that order. */
    public Map<String, SubProcessor> subProcessors() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(subProcessors));
    }

    /** Art. 11.2: the data locations and the deletion obligation, for the command side's decisions. */
    public DataLocations locations() {
        return locations;
    }

    /** The instructions issued by {@code instant} (Art. 1.1), in the order they were registered. */
    public List<InstructionRegistered> instructionsAt(Instant instant) {
        return instructions.values().stream().filter(i -> ValidTime.holds(i.issuedOn(), instant)).toList();
    }

    /** The amendments whose notice had been given by {@code instant}, each with its standing then (Art. 11.3). */
    public List<AmendmentAt> amendmentsAt(Instant instant) {
        return amendments.values().stream()
                .filter(a -> ValidTime.holds(a.noticeGivenOn(), instant))
                .map(a -> amendmentAt(a, instant))
                .toList();
    }

    /** Art. 11.2: the data locations and the deletion obligation as they stood at {@code instant}. */
    public DeletionAt deletionAt(Instant instant) {
        return locations.at(instant);
    }

    /** The agreement as it stood at {@code instant} (valid time). */
    public TermsAt at(Instant instant) {
        LocalDate day = days.of(instant);
        TermsAt that = byDay.get(day);
        if (that == null) {
            if (byDay.size() >= DAYS_REMEMBERED) {
                byDay.clear();
            }
            that = compute(ValidTime.startOf(day));
            byDay.put(day, that);
        }
        return that.movedTo(instant);
    }

    private TermsAt compute(Instant instant) {
        if (drafted == null) {
            throw new IllegalStateException("an agreement is drafted before anything else");
        }
        Map<Purpose, PurposeAllowance> purposes = new LinkedHashMap<>();
        drafted.purposes().forEach(p -> purposes.put(p, new PurposeAllowance(p, PurposeAllowance.Basis.AGREEMENT, null, null, null)));
        Set<DataCategory> categories = new LinkedHashSet<>(drafted.dataCategories());
        Map<String, List<ConsentFact>> consentFacts = new HashMap<>();
        consents.forEach((id, facts) -> consentFacts.put(id, new ArrayList<>(facts)));
        changes.stream()
                .filter(dated -> ValidTime.holds(dated.on(), instant))
                .sorted(Comparator.comparing(Dated::on))
                .forEach(dated -> applyChange(dated, purposes, categories, consentFacts));
        Map<String, ConsentStatus> consentStatus = new LinkedHashMap<>();
        subProcessors.keySet().forEach(id -> consentStatus.put(id, consentAt(instant, consentFacts.getOrDefault(id, List.of()))));
        Set<String> consented = new HashSet<>();
        consentStatus.forEach((id, status) -> {
            if (status.granted()) {
                consented.add(id);
            }
        });
        List<TransferConsentGranted> transfers = transferConsents.stream()
                .filter(t -> ValidTime.holds(t.grantedOn(), instant)).toList();
        Set<Country> countries = new HashSet<>();
        transfers.forEach(t -> countries.add(t.country()));
        return new TermsAt(instant, standing(instant), Set.copyOf(purposes.keySet()), Set.copyOf(categories),
                Map.copyOf(subProcessors), Set.copyOf(consented), Set.copyOf(countries),
                drafted.requireRegisteredInstructions(), List.copyOf(purposes.values()),
                Collections.unmodifiableMap(consentStatus), transfers);
    }

    private void applyChange(Dated<Change> dated, Map<Purpose, PurposeAllowance> purposes, Set<DataCategory> categories,
                             Map<String, List<ConsentFact>> consentFacts) {
        Change change = dated.change();
        if (change instanceof AddPurpose add) {
            PurposeAdded added = add.added();
            purposes.putIfAbsent(added.purpose(), new PurposeAllowance(added.purpose(), PurposeAllowance.Basis.CONSENT,
                    added.consentReference(), null, added.grantedOn()));
        } else if (change instanceof Amend amend && takesEffect(amendments.get(amend.amendmentId()))) {
            String id = amend.amendmentId();
            var changed = amendments.get(id).changes();
            changed.addPurposes().forEach(p -> purposes.putIfAbsent(p,
                    new PurposeAllowance(p, PurposeAllowance.Basis.AMENDMENT, null, id, dated.on())));
            changed.removePurposes().forEach(purposes::remove);
            categories.addAll(changed.addCategories());
            changed.removeCategories().forEach(categories::remove);
            // Listed or delisted by an amendment: consent given or withdrawn from its effective date.
            changed.addSubProcessors().forEach(s -> consentFacts.computeIfAbsent(s.subProcessorId(), k -> new ArrayList<>())
                    .add(new ConsentFact(dated.on(), Integer.MAX_VALUE, true, Basis.AMENDMENT, id, null)));
            changed.removeSubProcessors().forEach(s -> consentFacts.computeIfAbsent(s, k -> new ArrayList<>())
                    .add(new ConsentFact(dated.on(), Integer.MAX_VALUE, false, Basis.AMENDMENT, id, null)));
        }
    }

    /** Art. 11.3: not when the other party objected; Art. 11.2: not when the agreement ended first. */
    private boolean takesEffect(AmendmentProposed amendment) {
        return !objections.containsKey(amendment.amendmentId()) && !lapses(amendment);
    }

    private boolean lapses(AmendmentProposed amendment) {
        return terminatedOn != null && !amendment.effectiveOn().isBefore(terminatedOn);
    }

    private AmendmentAt amendmentAt(AmendmentProposed amendment, Instant instant) {
        AmendmentObjected objection = objections.get(amendment.amendmentId());
        boolean effectiveDate = ValidTime.holds(amendment.effectiveOn(), instant);
        if (objection != null && (ValidTime.holds(objection.objectedOn(), instant) || effectiveDate)) {
            return new AmendmentAt(amendment, AmendmentAt.Status.OBJECTED, objection);
        }
        if (!effectiveDate) {
            return new AmendmentAt(amendment, AmendmentAt.Status.PROPOSED, null);
        }
        return new AmendmentAt(amendment, lapses(amendment) ? AmendmentAt.Status.LAPSED : AmendmentAt.Status.EFFECTIVE, null);
    }

    private TermsAt.Standing standing(Instant instant) {
        if (terminatedOn != null && ValidTime.holds(terminatedOn, instant)) {
            return TermsAt.Standing.TERMINATED;
        }
        if (effectiveOn != null && ValidTime.holds(effectiveOn, instant)) {
            return TermsAt.Standing.EFFECTIVE;
        }
        return TermsAt.Standing.NOT_YET_EFFECTIVE;
    }

    /** Consent holds when the latest fact about it, as of {@code instant}, gave it; else it was revoked, or never given. */
    private static ConsentStatus consentAt(Instant instant, List<ConsentFact> facts) {
        List<ConsentFact> holding = facts.stream()
                .filter(fact -> ValidTime.holds(fact.on(), instant))
                .sorted(LATEST_LAST)
                .toList();
        if (holding.isEmpty()) {
            return ConsentStatus.NONE;
        }
        ConsentFact latest = holding.get(holding.size() - 1);
        if (latest.gives()) {
            return status(ConsentStatus.State.GRANTED, latest, null);
        }
        return holding.stream().filter(ConsentFact::gives).reduce((earlier, later) -> later)
                .map(grant -> status(ConsentStatus.State.REVOKED, grant, latest))
                .orElse(ConsentStatus.NONE);
    }

    private static ConsentStatus status(ConsentStatus.State state, ConsentFact grant, ConsentFact revocation) {
        return new ConsentStatus(state, grant.basis(),
                grant.basis() == Basis.CONSENT ? grant.reference() : null,
                grant.basis() == Basis.AMENDMENT ? grant.reference() : null,
                grant.basis() == Basis.ANNEX_2 ? null : grant.on(),
                grant.flowDownContractSha256(),
                revocation == null ? null : revocation.on(),
                revocation != null && revocation.basis() == Basis.AMENDMENT ? revocation.reference() : null);
    }
}
