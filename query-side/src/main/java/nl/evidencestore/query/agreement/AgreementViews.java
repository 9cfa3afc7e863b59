package nl.evidencestore.query.agreement;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import nl.evidencestore.query.Category;
import nl.evidencestore.query.agreement.AgreementState.Amendment;
import nl.evidencestore.query.agreement.AgreementState.Changes;
import nl.evidencestore.query.agreement.AgreementState.DataLocation;
import nl.evidencestore.query.agreement.AgreementState.Deletion;
import nl.evidencestore.query.agreement.AgreementState.DeletionObligation;
import nl.evidencestore.query.agreement.AgreementState.Instruction;
import nl.evidencestore.query.agreement.AgreementState.Objection;
import nl.evidencestore.query.agreement.AgreementState.Overdue;
import nl.evidencestore.query.agreement.AgreementState.RetentionHold;
import nl.evidencestore.query.agreement.AgreementState.SubProcessorState;
import nl.evidencestore.query.agreement.AgreementState.TransferConsent;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.terms.AmendmentAt;
import nl.evidencestore.shared.terms.DeletionAt;
import nl.evidencestore.shared.terms.TermsAt;

/** The shared model's answers as the state view's records; no rule is decided here. */
final class AgreementViews {
    private AgreementViews() {
    }

    /** Annex 1 in the drafted order, then what amendments added, by name. */
    static List<Category> categories(AgreementDrafted drafted, TermsAt at) {
        Stream<DataCategory> drafts = drafted.dataCategories().stream().filter(at.categories()::contains);
        Stream<DataCategory> added = at.categories().stream().filter(c -> !drafted.dataCategories().contains(c))
                .sorted(Comparator.comparing(DataCategory::name));
        return Stream.concat(drafts, added).map(Category::of).toList();
    }

    static List<SubProcessorState> subProcessors(TermsAt at) {
        return at.consents().entrySet().stream().map(entry -> {
            var s = at.subProcessors().get(entry.getKey());
            return new SubProcessorState(s.subProcessorId(), s.name(), s.country(), s.services(), entry.getValue());
        }).toList();
    }

    static List<TransferConsent> transferConsents(TermsAt at) {
        return at.transferGrants().stream()
                .map(t -> new TransferConsent(t.country(), t.consentReference(), t.grantedOn()))
                .toList();
    }

    static List<Instruction> instructions(List<InstructionRegistered> instructions) {
        return instructions.stream().map(i -> new Instruction(i.instructionId(), i.kind(), i.issuedOn(), i.validUntil(),
                i.purposes(), Category.allOf(i.categories()))).toList();
    }

    static List<Amendment> amendments(List<AmendmentAt> amendments) {
        return amendments.stream().map(a -> {
            var p = a.proposal();
            var o = a.objection();
            return new Amendment(p.amendmentId(), p.proposedBy(), p.description(), p.noticeGivenOn(), p.effectiveOn(),
                    p.documentSha256(), Changes.of(p.changes()), a.status(),
                    o == null ? null : new Objection(o.party(), o.objectedOn(), o.terminate()));
        }).toList();
    }

    static List<DataLocation> locations(DeletionAt deletion) {
        return deletion.locations().stream().map(l -> new DataLocation(l.location().locationId(),
                l.location().description(), l.state(),
                l.deletion() == null ? null : new Deletion(l.deletion().deletedOn(), l.deletion().method(),
                        Category.allOf(l.deletion().categories()), l.deletion().certificateSha256()),
                l.hold() == null ? null : new RetentionHold(l.hold().legalBasis(), l.hold().until(),
                        Category.allOf(l.hold().categories())),
                l.dueAt())).toList();
    }

    /** Null until the agreement has ended. */
    static DeletionObligation obligation(DeletionAt deletion) {
        DeletionAt.ObligationAt o = deletion.obligation();
        if (o == null) {
            return null;
        }
        return new DeletionObligation(o.status(), o.dueAt(), o.fulfilledOn(), o.openLocationIds(),
                o.overdue().stream().map(d -> new Overdue(d.dueAt(), d.openLocationIds())).toList());
    }
}
