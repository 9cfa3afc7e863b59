package nl.evidencestore.command.agreement;

import java.time.Instant;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Art. 9: record the root hash an exported bundle was sealed with, once its checkpoint is chosen
 * and the bundle stored. A bundle is sealed once: its id is the key, so a repeat appends nothing.
 */
public record SealEvidenceBundle(@TargetAggregateIdentifier AgreementId agreementId, String bundleId, long treeSize,
                                 String rootHash, Instant checkpointTime) implements IdempotentCommand {
    public SealEvidenceBundle {
        Token.required(agreementId, "agreementId");
        Token.id(bundleId, "bundleId");
        if (treeSize < 1) {
            throw new IllegalArgumentException("treeSize must be positive: a checkpoint covering the export holds it");
        }
        Token.sha256Hex(rootHash, "rootHash");
        Token.required(checkpointTime, "checkpointTime");
    }

    @Override
    public String idempotencyKey() {
        return "seal:" + bundleId;
    }
}
