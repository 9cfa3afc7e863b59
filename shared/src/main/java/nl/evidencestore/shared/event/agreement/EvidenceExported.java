package nl.evidencestore.shared.event.agreement;

import java.time.Instant;
import nl.evidencestore.shared.model.AgreementId;

/**
 * Art. 9: an evidence bundle for this agreement and period was exported, by whom, and against
 * which earlier checkpoint root (absent when none was given).
 */
public record EvidenceExported(AgreementId agreementId, String bundleId, Instant from, Instant to,
                               String exportedBy, String previousCheckpointRoot) implements AgreementEvent {
}
