package nl.evidencestore.command.breach;

import java.time.Instant;
import java.util.List;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.BreachStatus;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Token;

/**
 * Art. 6.1, 6.2: report a breach, or a suspicion of one, known since {@code discoveredAt}, over
 * every agreement whose controller's data it touches.
 */
public record ReportBreach(BreachId breachId, BreachStatus status, Instant discoveredAt,
                           List<AgreementId> agreementIds, String description, List<DataCategory> categories,
                           Long estimatedSubjects) implements IdempotentCommand {
    public ReportBreach {
        Token.required(breachId, "breachId");
        Token.required(status, "status");
        if (status != BreachStatus.SUSPECTED && status != BreachStatus.CONFIRMED) {
            throw new IllegalArgumentException("status must be SUSPECTED or CONFIRMED");
        }
        Token.required(discoveredAt, "discoveredAt");
        agreementIds = Fields.list(agreementIds, "agreementIds", 1);
        Token.text(description, "description", Fields.MAX_TEXT);
        // A suspicion may not know yet which data it touches.
        categories = Fields.list(categories, "categories", 0);
        Token.required(estimatedSubjects, "estimatedSubjects");
        if (estimatedSubjects < 0) {
            throw new IllegalArgumentException("estimatedSubjects must be 0 or more");
        }
    }

    @Override
    public String idempotencyKey() {
        return "breach:" + breachId.value();
    }

    @Override
    public String targetKind() {
        return "breach";
    }
}
