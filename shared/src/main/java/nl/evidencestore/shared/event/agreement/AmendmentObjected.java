package nl.evidencestore.shared.event.agreement;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Party;

/**
 * Art. 11.3: the other party objects, so the amendment never takes effect; with
 * {@code terminate} the agreement also ends one month after the notice.
 */
public record AmendmentObjected(AgreementId agreementId, String amendmentId, Party party, LocalDate objectedOn,
                                boolean terminate) implements AgreementEvent {
}
