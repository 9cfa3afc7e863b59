package nl.evidencestore.shared.event.agreement;

import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;

/** Art. 1.1: a documented instruction of the controller (a support ticket, a conversion order). */
public record InstructionRegistered(AgreementId agreementId, String instructionId, String kind, LocalDate issuedOn,
                                    LocalDate validUntil, List<Purpose> purposes, List<DataCategory> categories)
        implements AgreementEvent {
}
