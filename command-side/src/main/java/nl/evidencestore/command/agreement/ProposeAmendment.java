package nl.evidencestore.command.agreement;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AmendmentChanges;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Art. 11.3: a party proposes a change, giving notice on {@code noticeGivenOn}, in force from
 * {@code effectiveOn}; {@code changes} says what it adds and removes (none when absent).
 */
public record ProposeAmendment(@TargetAggregateIdentifier AgreementId agreementId, String amendmentId,
                               Party proposedBy, String description, LocalDate noticeGivenOn, LocalDate effectiveOn,
                               String documentSha256, AmendmentChanges changes) implements IdempotentCommand {
    public ProposeAmendment {
        Token.required(agreementId, "agreementId");
        Token.id(amendmentId, "amendmentId");
        Token.required(proposedBy, "proposedBy");
        Token.text(description, "description", 4000);
        Token.required(noticeGivenOn, "noticeGivenOn");
        Token.required(effectiveOn, "effectiveOn");
        Token.sha256Hex(documentSha256, "documentSha256");
        changes = changes == null ? AmendmentChanges.NONE : changes;
        Fields.list(changes.addCategories(), "changes.addCategories", 0);
        Fields.list(changes.removeCategories(), "changes.removeCategories", 0);
        Fields.list(changes.addPurposes(), "changes.addPurposes", 0);
        Fields.list(changes.removePurposes(), "changes.removePurposes", 0);
        Fields.list(changes.addSubProcessors(), "changes.addSubProcessors", 0);
        changes.removeSubProcessors().forEach(id -> Token.id(id, "changes.removeSubProcessors"));
        Fields.list(changes.removeSubProcessors(), "changes.removeSubProcessors", 0);
    }

    @Override
    public String idempotencyKey() {
        return "amendment:" + agreementId + ":" + amendmentId;
    }
}
