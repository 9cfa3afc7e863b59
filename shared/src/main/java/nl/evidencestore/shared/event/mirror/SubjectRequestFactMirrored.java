package nl.evidencestore.shared.event.mirror;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestEvent;
import nl.evidencestore.shared.model.AgreementId;

/** Art. 7: a fact of a data subject's request handled under this agreement, without the subject's reference. */
public record SubjectRequestFactMirrored(AgreementId agreementId, SourceEvent source,
                                         @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "factType")
                                         @JsonTypeIdResolver(FactTypeIds.class) SubjectRequestEvent fact)
        implements MirroredFact {
}
