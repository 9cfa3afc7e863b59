package nl.evidencestore.command.access;

import java.time.Instant;
import nl.evidencestore.shared.model.AgreementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A fact recorded later holds from {@code validFrom} on (a consent back-dated before accesses
 * already judged): judge those accesses again against the agreement as it is now known, and
 * record every changed verdict, citing {@code causeEventId}.
 */
public record ReassessVerdicts(@TargetAggregateIdentifier AgreementId agreementId, String causeEventId,
                               Instant validFrom) {
}
