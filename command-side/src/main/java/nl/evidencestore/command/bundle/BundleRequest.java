package nl.evidencestore.command.bundle;

import java.time.Instant;
import nl.evidencestore.shared.integrity.SignedCheckpoint;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Token;

/**
 * {@code POST /api/v1/evidence-bundles}: one agreement's events recorded in {@code [from, to]},
 * proven against the newest checkpoint and, when given, against one the auditor kept.
 */
public record BundleRequest(AgreementId agreementId, Instant from, Instant to,
                            SignedCheckpoint.Form previousCheckpoint) {
    public BundleRequest {
        Token.required(agreementId, "agreementId");
        Token.required(from, "from");
        Token.required(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to lies before from");
        }
    }
}
