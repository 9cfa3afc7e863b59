package nl.evidencestore.shared.event.agreement;

import java.time.Instant;
import nl.evidencestore.shared.model.AgreementId;

/**
 * Art. 9: the bundle of an earlier {@link EvidenceExported} was sealed at this signed
 * checkpoint, so its root hash is on the record. A bundle carries its own export event, which is
 * why that event cannot name the root of the checkpoint covering it; this follow-up can, and
 * every later bundle of the agreement carries it. No personal data: ids and hashes only.
 *
 * @param treeSize       the checkpoint's tree size
 * @param rootHash       the checkpoint's Merkle root, lower-case hex: the bundle's {@code rootHash}
 * @param checkpointTime when that checkpoint was signed
 */
public record EvidenceBundleSealed(AgreementId agreementId, String bundleId, long treeSize, String rootHash,
                                   Instant checkpointTime) implements AgreementEvent {
}
