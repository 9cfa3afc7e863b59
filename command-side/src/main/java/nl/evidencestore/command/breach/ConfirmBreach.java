package nl.evidencestore.command.breach;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 6.2: the suspicion turned out to be a breach. */
public record ConfirmBreach(@TargetAggregateIdentifier BreachId breachId, LocalDate on, String note)
        implements IdempotentCommand {
    public ConfirmBreach {
        Token.required(breachId, "breachId");
        Token.required(on, "on");
        Token.text(note, "note", Fields.MAX_TEXT);
    }

    /** Happens once per breach: breach and kind are the natural key. */
    @Override
    public String idempotencyKey() {
        return "breach-confirmation:" + breachId.value();
    }

    @Override
    public String targetKind() {
        return "breach";
    }
}
