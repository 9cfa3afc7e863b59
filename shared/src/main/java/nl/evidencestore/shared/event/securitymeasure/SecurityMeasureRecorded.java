package nl.evidencestore.shared.event.securitymeasure;

import java.time.LocalDate;
import nl.evidencestore.shared.model.SecurityMeasureId;

/** Art. 5 — a technical or organisational measure, in place since a date, and where its evidence is. */
public record SecurityMeasureRecorded(SecurityMeasureId measureId, String description, LocalDate since,
                                      String evidenceReference) implements SecurityMeasureEvent {
}
