package nl.evidencestore.query.obligation;

import java.time.Instant;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.SubjectRequestId;

/**
 * One open deadline: what is due, by when, and whether that has passed. It names the agreement
 * it concerns (none for the authority's notification of a breach) and the breach or request.
 * {@code overdueRecorded} says whether the store has raised its overdue fact yet.
 */
public record Obligation(ObligationKind kind, Instant dueAt, boolean overdue, boolean overdueRecorded,
                         AgreementId agreementId, ControllerId controllerId, BreachId breachId,
                         SubjectRequestId requestId) {
}
