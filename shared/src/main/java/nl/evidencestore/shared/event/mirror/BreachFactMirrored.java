package nl.evidencestore.shared.event.mirror;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import nl.evidencestore.shared.event.breach.BreachEvent;
import nl.evidencestore.shared.model.AgreementId;

/** Art. 6: a fact of a breach that affects this agreement, as it concerns this agreement. */
public record BreachFactMirrored(AgreementId agreementId, SourceEvent source,
                                 @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "factType")
                                 @JsonTypeIdResolver(FactTypeIds.class) BreachEvent fact) implements MirroredFact {
}
