package nl.evidencestore.shared.event.agreement;

import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.DataCategory;

/**
 * Art. 11.2: a statutory retention period or a written instruction (e.g. the WGBO medical-records
 * duty) keeps the data at one location until {@code until}; deletion is due on that date.
 */
public record RetentionHoldPlaced(AgreementId agreementId, String locationId, String legalBasis, LocalDate until,
                                  List<DataCategory> categories) implements AgreementEvent {
}
