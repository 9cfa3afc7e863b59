package nl.evidencestore.shared.event.agreement;

import java.time.Instant;
import nl.evidencestore.shared.model.AgreementId;

/**
 * Art. 9 — an evidence bundle of this agreement's period {@code [from, to]} was exported: the
 * export itself is on the record, and the bundle carries this event. {@code previousCheckpointRoot}
 * (hex, or null) names the checkpoint the auditor asked the bundle to be proven against.
 */
public record EvidenceExported(AgreementId agreementId, String bundleId, Instant from, Instant to, String exportedBy,
                               String previousCheckpointRoot) implements AgreementEvent {
}
