package nl.evidencestore.command.agreement;

import java.time.Instant;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Art. 9: record that an evidence bundle of this agreement's period is being exported, before
 * the bundle is sealed, so that the bundle carries its own export.
 */
public record ExportEvidence(@TargetAggregateIdentifier AgreementId agreementId, String bundleId, Instant from,
                             Instant to, String exportedBy, String previousCheckpointRoot) implements IdempotentCommand {
    public ExportEvidence {
        Token.required(agreementId, "agreementId");
        Token.id(bundleId, "bundleId");
        Token.required(from, "from");
        Token.required(to, "to");
        Token.text(exportedBy, "exportedBy", 200);
    }

    @Override
    public String idempotencyKey() {
        return "export:" + bundleId;
    }
}
