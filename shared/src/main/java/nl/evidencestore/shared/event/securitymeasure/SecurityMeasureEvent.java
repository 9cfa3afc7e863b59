package nl.evidencestore.shared.event.securitymeasure;

import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.model.SecurityMeasureId;

/** The processor's security measures: one stream per measure. */
public sealed interface SecurityMeasureEvent extends EvidenceEvent permits SecurityMeasureRecorded {
    SecurityMeasureId measureId();

    @Override
    default String streamId() {
        return measureId().toString();
    }
}
