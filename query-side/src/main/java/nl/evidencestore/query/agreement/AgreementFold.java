package nl.evidencestore.query.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.query.agreement.AgreementState.Signature;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.agreement.AgreementSigned;
import nl.evidencestore.shared.model.ValidTime;
import nl.evidencestore.shared.terms.AgreementTerms;
import nl.evidencestore.shared.terms.TermsAt;

/**
 * Folds known facts into the state at one valid-time instant. What the agreement allowed, and
 * the deletion obligation, come from {@link AgreementTerms}, the same fold the command side
 * decides with; the fold itself keeps only what the terms have no use for (the signatures).
 */
final class AgreementFold {
    private final Instant asOf;
    private final AgreementTerms terms = new AgreementTerms();
    private final List<Signature> signatures = new ArrayList<>();

    AgreementFold(Instant asOf) {
        this.asOf = asOf;
    }

    void apply(AgreementEvent event) {
        terms.apply(event);
        if (event instanceof AgreementSigned e && ValidTime.holds(e.signedOn(), asOf)) {
            signatures.add(new Signature(e.party(), e.signatory(), e.place(), e.signedOn(), e.documentSha256()));
        }
    }

    /** Empty while the draft is unknown: there is no agreement to show yet. */
    Optional<AgreementState> state(Instant knownAt, long position) {
        if (!terms.isDrafted()) {
            return Optional.empty();
        }
        AgreementDrafted drafted = terms.draft().orElseThrow();
        TermsAt at = terms.at(asOf);
        return Optional.of(new AgreementState(drafted.agreementId(), drafted.controller(), drafted.processor(),
                drafted.documentSha256(), drafted.version(), status(at), effectiveOn(at), terminatedOn(at),
                List.copyOf(signatures), AgreementViews.categories(drafted, at), at.purposeAllowances(),
                AgreementViews.subProcessors(at), AgreementViews.transferConsents(at),
                AgreementViews.instructions(terms.instructionsAt(asOf)), drafted.requireRegisteredInstructions(),
                AgreementViews.amendments(terms.amendmentsAt(asOf)), AgreementViews.locations(terms.deletionAt(asOf)),
                AgreementViews.obligation(terms.deletionAt(asOf)), asOf, knownAt, position));
    }

    private static AgreementStatus status(TermsAt at) {
        return switch (at.standing()) {
            case NOT_YET_EFFECTIVE -> AgreementStatus.DRAFT;
            case EFFECTIVE -> AgreementStatus.EFFECTIVE;
            case TERMINATED -> AgreementStatus.TERMINATED;
        };
    }

    /** Art. 11.1: in force from the day of the last signature; the command side decides which day. */
    private LocalDate effectiveOn(TermsAt at) {
        return terms.effectiveOn().filter(on -> ValidTime.holds(on, asOf)).orElse(null);
    }

    private LocalDate terminatedOn(TermsAt at) {
        return at.standing() == TermsAt.Standing.TERMINATED ? terms.terminatedOn().orElseThrow() : null;
    }
}
