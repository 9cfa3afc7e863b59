package nl.evidencestore.shared.event.agreement;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AmendmentChanges;
import nl.evidencestore.shared.model.Party;

/** Art. 11.3: a change proposed with notice on {@code noticeGivenOn}, in force from {@code effectiveOn}. */
public record AmendmentProposed(AgreementId agreementId, String amendmentId, Party proposedBy, String description,
                                LocalDate noticeGivenOn, LocalDate effectiveOn, String documentSha256,
                                AmendmentChanges changes) implements AgreementEvent {
}
