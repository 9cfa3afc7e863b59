package nl.evidencestore.command.securitymeasure;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.SecurityMeasureId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 5 — record a technical or organisational measure: what, since when, and where its evidence is. */
public record RecordSecurityMeasure(@TargetAggregateIdentifier SecurityMeasureId measureId, String description,
                                    LocalDate since, String evidenceReference) implements IdempotentCommand {
    public RecordSecurityMeasure {
        Token.required(measureId, "measureId");
        Token.text(description, "description", 2000);
        Token.required(since, "since");
        Token.text(evidenceReference, "evidenceReference", 500);
    }

    @Override
    public String idempotencyKey() {
        return "security-measure:" + measureId.value();
    }
}
