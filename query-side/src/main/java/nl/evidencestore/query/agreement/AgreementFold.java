package nl.evidencestore.query.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.query.agreement.AgreementState.Category;
import nl.evidencestore.query.agreement.AgreementState.Consent;
import nl.evidencestore.query.agreement.AgreementState.Signature;
import nl.evidencestore.query.agreement.AgreementState.SubProcessorState;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.agreement.AgreementSigned;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;

/**
 * Folds known facts into the state at one valid-time instant. A dated fact counts only from
 * 00:00 Amsterdam of its date; the draft itself has no valid time and counts always.
 */
final class AgreementFold {
    private final Instant asOf;
    private AgreementDrafted drafted;
    private final List<Signature> signatures = new ArrayList<>();
    private LocalDate effectiveOn;

    AgreementFold(Instant asOf) {
        this.asOf = asOf;
    }

    /** One branch per kind of agreement event (no pattern switch in Java 17): add new kinds here. */
    void apply(AgreementEvent event) {
        if (event instanceof AgreementDrafted e) {
            drafted = e;
        } else if (event instanceof AgreementSigned e) {
            signed(e);
        } else if (event instanceof AgreementTookEffect e) {
            tookEffect(e);
        }
    }

    private void signed(AgreementSigned e) {
        if (ValidTime.holds(e.signedOn(), asOf)) {
            signatures.add(new Signature(e.party(), e.signatory(), e.place(), e.signedOn(), e.documentSha256()));
        }
    }

    /** Art. 11.1: in force from the day of the last signature; the command side decides which day. */
    private void tookEffect(AgreementTookEffect e) {
        if (ValidTime.holds(e.effectiveOn(), asOf)) {
            effectiveOn = e.effectiveOn();
        }
    }

    /** Empty while the draft is unknown: there is no agreement to show yet. */
    Optional<AgreementState> state(Instant knownAt, long position) {
        if (drafted == null) {
            return Optional.empty();
        }
        return Optional.of(new AgreementState(drafted.agreementId(), drafted.controller(), drafted.processor(),
                drafted.documentSha256(), drafted.version(), status(), effectiveOn, List.copyOf(signatures),
                drafted.dataCategories().stream().map(Category::of).toList(),
                List.copyOf(drafted.purposes()), subProcessors(), asOf, knownAt, position));
    }

    private AgreementStatus status() {
        return effectiveOn == null ? AgreementStatus.DRAFT : AgreementStatus.EFFECTIVE;
    }

    private List<SubProcessorState> subProcessors() {
        return drafted.subProcessors().stream()
                .map(s -> new SubProcessorState(s.subProcessorId(), s.name(), s.country(), s.services(), Consent.ANNEX_2))
                .toList();
    }
}
