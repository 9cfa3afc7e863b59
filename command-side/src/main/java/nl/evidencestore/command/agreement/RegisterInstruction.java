package nl.evidencestore.command.agreement;

import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Art. 1.1: a documented instruction of the controller (a support ticket, a conversion order). */
public record RegisterInstruction(@TargetAggregateIdentifier AgreementId agreementId, String instructionId,
                                  String kind, LocalDate issuedOn, LocalDate validUntil, List<Purpose> purposes,
                                  List<DataCategory> categories) implements IdempotentCommand {
    public RegisterInstruction {
        Token.required(agreementId, "agreementId");
        Token.id(instructionId, "instructionId");
        Token.text(kind, "kind", 64);
        Token.required(issuedOn, "issuedOn");
        Fields.notBefore(validUntil, "validUntil", issuedOn, "issuedOn");
        purposes = Fields.list(purposes, "purposes", 1);
        categories = Fields.list(categories, "categories", 1);
    }

    @Override
    public String idempotencyKey() {
        return "instruction:" + agreementId + ":" + instructionId;
    }
}
