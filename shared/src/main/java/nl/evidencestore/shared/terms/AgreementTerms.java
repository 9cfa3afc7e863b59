package nl.evidencestore.shared.terms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
    private static final int DAYS_REMEMBERED = 4_096;
    private final Map<Country, LocalDate> transferConsents = new HashMap<>();
    private final Map<String, InstructionRegistered> instructions = new HashMap<>();
    private final Map<String, AmendmentProposed> amendments = new LinkedHashMap<>();
    private final Set<String> objected = new HashSet<>();

    /** A change to what the agreement allows, from a date on. */
    private record Dated<T>(LocalDate on, T change) {
    }

    private sealed interface Change permits AddPurpose, Amend {
    }

    private record AddPurpose(Purpose purpose) implements Change {
    }

    private record Amend(String amendmentId) implements Change {
    }

    /** Consent given ({@code gives}) or withdrawn from {@code on}; the latest fact wins, later-recorded on a tie. */
    private record ConsentFact(LocalDate on, int sequence, boolean gives) {
    }

    /** Listing in Annex 2 consents from the start; the agreement being in force is checked apart. */
    private static final LocalDate SINCE_THE_AGREEMENT = LocalDate.of(1900, 1, 1);

    /** One branch per kind of lifecycle event that changes what is allowed; others pass by. */
    public void apply(AgreementEvent event) {
        sequence++;
        byDay.clear();
        if (event instanceof AgreementDrafted e) {
            drafted(e);
        } else if (event instanceof AgreementTookEffect e) {
            effectiveOn = e.effectiveOn();
        } else if (event instanceof AgreementTerminated e) {
            terminatedOn = terminatedOn == null || e.terminatedOn().isBefore(terminatedOn) ? e.terminatedOn() : terminatedOn;
        } else if (event instanceof PurposeAdded e) {
            changes.add(new Dated<>(e.grantedOn(), new AddPurpose(e.purpose())));
        } else if (event instanceof InstructionRegistered e) {
            instructions.put(e.instructionId(), e);
        } else if (event instanceof SubProcessorProposed e) {
            subProcessors.putIfAbsent(e.subProcessor().subProcessorId(), e.subProcessor());
        } else if (event instanceof SubProcessorConsentGranted e) {
            consentFact(e.subProcessorId(), e.grantedOn(), true);
        } else if (event instanceof SubProcessorConsentRevoked e) {
            consentFact(e.subProcessorId(), e.revokedOn(), false);
        } else if (event instanceof TransferConsentGranted e) {
            transferConsents.merge(e.country(), e.grantedOn(), (a, b) -> a.isBefore(b) ? a : b);
        } else if (event instanceof AmendmentProposed e) {
            amendments.put(e.amendmentId(), e);
            e.changes().addSubProcessors().forEach(sp -> subProcessors.putIfAbsent(sp.subProcessorId(), sp));
            changes.add(new Dated<>(e.effectiveOn(), new Amend(e.amendmentId())));
        } else if (event instanceof AmendmentObjected e) {
            objected.add(e.amendmentId());
        }
    }

    private void drafted(AgreementDrafted e) {
        drafted = e;
        // Annex 2: the controller consents to the listed sub-processors by signing the agreement.
        e.subProcessors().forEach(s -> {
            subProcessors.put(s.subProcessorId(), s);
            consentFact(s.subProcessorId(), SINCE_THE_AGREEMENT, true);
        });
    }

    private void consentFact(String subProcessorId, LocalDate on, boolean gives) {
        consents.computeIfAbsent(subProcessorId, id -> new ArrayList<>()).add(new ConsentFact(on, sequence, gives));
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
        return objected.contains(amendmentId);
    }

    public Map<String, SubProcessor> subProcessors() {
        return Map.copyOf(subProcessors);
    }

    /** The agreement as it stood at {@code instant} (valid time). */
    public TermsAt at(Instant instant) {
        LocalDate day = ValidTime.dayOf(instant);
        TermsAt that = byDay.get(day);
        if (that == null) {
            if (byDay.size() >= DAYS_REMEMBERED) {
                byDay.clear();
            }
            that = compute(ValidTime.startOf(day));
            byDay.put(day, that);
        }
        return new TermsAt(instant, that.standing(), that.purposes(), that.categories(), that.subProcessors(),
                that.consentedSubProcessors(), that.transferConsents(), that.requireRegisteredInstructions());
    }

    private TermsAt compute(Instant instant) {
        if (drafted == null) {
            throw new IllegalStateException("an agreement is drafted before anything else");
        }
        Set<Purpose> purposes = new HashSet<>(drafted.purposes());
        Set<DataCategory> categories = new HashSet<>(drafted.dataCategories());
        Map<String, List<ConsentFact>> consentFacts = new HashMap<>();
        consents.forEach((id, facts) -> consentFacts.put(id, new ArrayList<>(facts)));
        changes.stream()
                .filter(dated -> ValidTime.holds(dated.on(), instant))
                .sorted(Comparator.comparing(Dated::on))
                .forEach(dated -> applyChange(dated, purposes, categories, consentFacts));
        return new TermsAt(instant, standing(instant), Set.copyOf(purposes), Set.copyOf(categories),
                Map.copyOf(subProcessors), consentedAt(instant, consentFacts), transfersAt(instant),
                drafted.requireRegisteredInstructions());
    }

    private void applyChange(Dated<Change> dated, Set<Purpose> purposes, Set<DataCategory> categories,
                             Map<String, List<ConsentFact>> consentFacts) {
        Change change = dated.change();
        if (change instanceof AddPurpose add) {
            purposes.add(add.purpose());
        } else if (change instanceof Amend amend && !objected.contains(amend.amendmentId())) {
            var changed = amendments.get(amend.amendmentId()).changes();
            purposes.addAll(changed.addPurposes());
            changed.removePurposes().forEach(purposes::remove);
            categories.addAll(changed.addCategories());
            changed.removeCategories().forEach(categories::remove);
            // Listed or delisted by an amendment: consent given or withdrawn from its effective date.
            changed.addSubProcessors().forEach(s -> consentFacts.computeIfAbsent(s.subProcessorId(), id -> new ArrayList<>())
                    .add(new ConsentFact(dated.on(), Integer.MAX_VALUE, true)));
            changed.removeSubProcessors().forEach(id -> consentFacts.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new ConsentFact(dated.on(), Integer.MAX_VALUE, false)));
        }
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

    /** Consent holds when the latest fact about it, as of {@code instant}, gave it. */
    private static Set<String> consentedAt(Instant instant, Map<String, List<ConsentFact>> consentFacts) {
        Set<String> consented = new HashSet<>();
        consentFacts.forEach((id, facts) -> facts.stream()
                .filter(fact -> ValidTime.holds(fact.on(), instant))
                .max(Comparator.comparing(ConsentFact::on).thenComparingInt(ConsentFact::sequence))
                .filter(ConsentFact::gives)
                .ifPresent(latest -> consented.add(id)));
        return Set.copyOf(consented);
    }

    private Set<Country> transfersAt(Instant instant) {
        Set<Country> countries = new HashSet<>();
        transferConsents.forEach((country, grantedOn) -> {
            if (ValidTime.holds(grantedOn, instant)) {
                countries.add(country);
            }
        });
        return Set.copyOf(countries);
    }
}
