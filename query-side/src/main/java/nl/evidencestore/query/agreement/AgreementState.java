package nl.evidencestore.query.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.query.Category;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AmendmentChanges;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.ProcessorParty;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.SubProcessor;
import nl.evidencestore.shared.terms.AmendmentAt;
import nl.evidencestore.shared.terms.ConsentStatus;
import nl.evidencestore.shared.terms.DeletionAt;
import nl.evidencestore.shared.terms.PurposeAllowance;

/**
 * The agreement as it stood at {@code asOf} (valid time), as the store knew it at
 * {@code knownAt} (transaction time; absent means everything recorded so far), reflecting
 * every event up to {@code position}. What it allowed comes from the shared
 * {@link nl.evidencestore.shared.terms.AgreementTerms}, the same model verdicts are computed with.
 */
public record AgreementState(AgreementId agreementId, ControllerParty controller, ProcessorParty processor,
                             String documentSha256, String version, AgreementStatus status,
                             @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate effectiveOn,
                             @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate terminatedOn,
                             List<Signature> signatures, List<Category> dataCategories,
                             List<PurposeAllowance> purposes, List<SubProcessorState> subProcessors,
                             List<TransferConsent> transferConsents, List<Instruction> instructions,
                             boolean requireRegisteredInstructions, List<Amendment> amendments,
                             List<DataLocation> dataLocations,
                             @JsonInclude(JsonInclude.Include.ALWAYS) DeletionObligation deletionObligation,
                             Instant asOf, Instant knownAt, long position) {

    public record Signature(Party party, String signatory, String place, LocalDate signedOn,
                            String documentSha256) {
    }

    /** Art. 3.1: the controller's prior written consent as it stood, and where it came from. */
    public record SubProcessorState(String subProcessorId, String name, String country, String services,
                                    ConsentStatus consent) {
    }

    /** Art. 3.2: consent to processing in a country outside the EEA, in force from {@code grantedOn}. */
    public record TransferConsent(Country country, String consentReference, LocalDate grantedOn) {
    }

    /** Art. 1.1: an instruction issued by then. */
    public record Instruction(String instructionId, String kind, LocalDate issuedOn, LocalDate validUntil,
                              List<Purpose> purposes, List<Category> categories) {
    }

    /** Art. 11.3: an amendment whose notice had been given, with its standing then. */
    public record Amendment(String amendmentId, Party proposedBy, String description, LocalDate noticeGivenOn,
                            LocalDate effectiveOn, String documentSha256, Changes changes,
                            AmendmentAt.Status status, Objection objection) {
    }

    /**
     * What the amendment changes, as {@link AmendmentChanges} has it but with its categories
     * marked: a proposal to add BSN or health data is as sensitive as the data itself.
     */
    public record Changes(List<Category> addCategories, List<Category> removeCategories,
                          List<Purpose> addPurposes, List<Purpose> removePurposes,
                          List<SubProcessor> addSubProcessors, List<String> removeSubProcessors) {
        static Changes of(AmendmentChanges proposed) {
            // The view always shows what changes, even for a proposal recorded without any.
            AmendmentChanges changes = proposed == null ? AmendmentChanges.NONE : proposed;
            return new Changes(Category.allOf(changes.addCategories()), Category.allOf(changes.removeCategories()),
                    changes.addPurposes(), changes.removePurposes(), changes.addSubProcessors(),
                    changes.removeSubProcessors());
        }
    }

    public record Objection(Party party, LocalDate objectedOn, boolean terminate) {
    }

    /** Art. 11.2: where the processor holds the controller's data, and how far its deletion got. */
    public record DataLocation(String locationId, String description, DeletionAt.LocationAt.State state,
                               Deletion deletion, RetentionHold retentionHold, Instant dueAt) {
    }

    public record Deletion(LocalDate deletedOn, String method, List<Category> categories, String certificateSha256) {
    }

    public record RetentionHold(String legalBasis, LocalDate until, List<Category> categories) {
    }

    /** Art. 11.2: open from the end of the agreement until every location is closed. */
    public record DeletionObligation(DeletionAt.ObligationAt.Status status, Instant dueAt, LocalDate fulfilledOn,
                                     List<String> openLocationIds, List<Overdue> overdue) {
    }

    /** Raised by the store at a deadline: these locations were still open then. */
    public record Overdue(Instant dueAt, List<String> locationIds) {
    }
}
