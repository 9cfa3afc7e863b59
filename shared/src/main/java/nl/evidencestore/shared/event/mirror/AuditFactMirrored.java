package nl.evidencestore.shared.event.mirror;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import nl.evidencestore.shared.event.audit.AuditEvent;
import nl.evidencestore.shared.model.AgreementId;

/**
 * Art. 9: an audit of this agreement requested, or its findings shared, as the audit's own
 * stream records it. The findings' text travels with it, as a breach's description and notes
 * do: the audit's stream holds it in the clear already, and the auditor reading the bundle
 * needs what was found, not only that something was.
 */
public record AuditFactMirrored(AgreementId agreementId, SourceEvent source,
                                @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "factType")
                                @JsonTypeIdResolver(FactTypeIds.class) AuditEvent fact) implements MirroredFact {
}
