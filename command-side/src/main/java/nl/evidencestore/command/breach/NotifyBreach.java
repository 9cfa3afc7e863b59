package nl.evidencestore.command.breach;

import java.time.Instant;
import java.util.List;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.BreachId;
import nl.evidencestore.shared.model.NotificationRecipient;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Art. 6.1, 6.3: record a notification of the breach. A notification to a CONTROLLER names the
 * agreement. What Art. 6.3 requires (cause, proposed solution, informed parties) is checked by
 * the breach, so that its absence is refused naming the article (422), not as a malformed body.
 */
public record NotifyBreach(@TargetAggregateIdentifier BreachId breachId, String notificationId,
                           NotificationRecipient recipient, AgreementId agreementId, Instant notifiedAt, String cause,
                           String proposedSolution, String implementedSolution, List<String> informedParties)
        implements IdempotentCommand {
    public NotifyBreach {
        Token.required(breachId, "breachId");
        Token.id(notificationId, "notificationId");
        Token.required(recipient, "recipient");
        if (recipient == NotificationRecipient.CONTROLLER && agreementId == null) {
            throw new IllegalArgumentException("agreementId is required for recipient CONTROLLER");
        }
        Token.required(notifiedAt, "notifiedAt");
        Fields.optionalText(cause, "cause");
        Fields.optionalText(proposedSolution, "proposedSolution");
        Fields.optionalText(implementedSolution, "implementedSolution");
        informedParties = informedParties == null ? List.of() : Fields.list(informedParties, "informedParties", 0);
        informedParties.forEach(party -> Token.upperSnake(party, "informedParties"));
    }

    @Override
    public String idempotencyKey() {
        return "breach-notification:" + breachId.value() + "/" + notificationId;
    }

    @Override
    public String targetKind() {
        return "breach";
    }
}
