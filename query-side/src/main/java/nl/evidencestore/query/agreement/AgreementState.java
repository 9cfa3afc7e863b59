package nl.evidencestore.query.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.ProcessorParty;
import nl.evidencestore.shared.model.Purpose;

/**
 * The agreement as it stood at {@code asOf} (valid time), as the store knew it at
 * {@code knownAt} (transaction time; absent means everything recorded so far), reflecting
 * every event up to {@code position}.
 */
public record AgreementState(AgreementId agreementId, ControllerParty controller, ProcessorParty processor,
                             String documentSha256, String version, AgreementStatus status,
                             @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate effectiveOn,
                             List<Signature> signatures, List<Category> dataCategories, List<Purpose> purposes,
                             List<SubProcessorState> subProcessors, Instant asOf, Instant knownAt, long position) {

    public record Signature(Party party, String signatory, String place, LocalDate signedOn,
                            String documentSha256) {
    }

    /** Sensitive categories (GDPR Art. 9, the BSN) are marked in every view. */
    public record Category(DataCategory category, boolean sensitive) {
        static Category of(DataCategory category) {
            return new Category(category, category.sensitive());
        }
    }

    public record SubProcessorState(String subProcessorId, String name, String country, String services,
                                    Consent consent) {
    }

    /** The controller's prior written consent (Art. 3.1); {@code basis} says where it came from. */
    public record Consent(ConsentState state, String basis) {
        /** Annex 2 lists sub-processors the controller consents to by signing the agreement. */
        static final Consent ANNEX_2 = new Consent(ConsentState.GRANTED, "ANNEX_2");
    }

    public enum ConsentState {
        GRANTED
    }
}
