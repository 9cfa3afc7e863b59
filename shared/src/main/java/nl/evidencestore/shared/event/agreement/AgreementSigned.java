package nl.evidencestore.shared.event.agreement;

import java.time.LocalDate;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Party;

/** The signature block: one party signed, where and on which date. */
public record AgreementSigned(AgreementId agreementId, Party party, String signatory, String place,
                              LocalDate signedOn, String documentSha256) implements AgreementEvent {
}
