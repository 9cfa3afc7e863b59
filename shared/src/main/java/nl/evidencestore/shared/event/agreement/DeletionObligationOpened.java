package nl.evidencestore.shared.event.agreement;

import java.time.Instant;
import java.util.List;
import nl.evidencestore.shared.model.AgreementId;

/**
 * Art. 11.2: the agreement ended, so every location holding the controller's data must be
 * closed (deleted, or held under a retention duty) by {@code dueAt}.
 */
public record DeletionObligationOpened(AgreementId agreementId, Instant dueAt, List<String> locationIds)
        implements AgreementEvent {
}
