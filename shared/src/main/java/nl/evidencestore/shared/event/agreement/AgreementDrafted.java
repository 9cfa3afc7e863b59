package nl.evidencestore.shared.event.agreement;

import java.util.List;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.ProcessorParty;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.SubProcessor;

/**
 * Art. 11.1 — the agreement's text is fixed by its hash; Annex 1 and 2 as drafted. With
 * {@code requireRegisteredInstructions} an access must cite an instruction registered before it
 * (Art. 1.1), not merely name one.
 */
public record AgreementDrafted(AgreementId agreementId, ControllerParty controller,
                               ProcessorParty processor, String documentSha256, String version,
                               List<DataCategory> dataCategories, List<Purpose> purposes,
                               List<SubProcessor> subProcessors, boolean requireRegisteredInstructions)
        implements AgreementEvent {
}
