package nl.evidencestore.shared.event.agreement;

import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.DataCategory;

/** Art. 11.2: the data at one location was deleted, with the certificate's hash as proof. */
public record DeletionConfirmed(AgreementId agreementId, String locationId, LocalDate deletedOn, String method,
                                List<DataCategory> categories, String certificateSha256) implements AgreementEvent {
}
