package nl.evidencestore.command.subject;

import java.time.LocalDate;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Token;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase one data subject of the agreement's controller (crypto-shredding): their key is
 * destroyed, and with it every reference to them in the store's events, of every agreement of
 * that controller. {@code subjectRef} is checked for shape only, never quoted, and
 * {@link #toString()} leaves it out, so that no error or log line carries it.
 */
public record EraseSubject(String erasureId, @TargetAggregateIdentifier AgreementId agreementId, String subjectRef,
                           LocalDate requestedOn) implements IdempotentCommand {
    public EraseSubject {
        Token.id(erasureId, "erasureId");
        Token.required(agreementId, "agreementId");
        Token.subjectRef(subjectRef);
        Token.required(requestedOn, "requestedOn");
    }

    @Override
    public String idempotencyKey() {
        return "subject-erasure:" + erasureId;
    }

    @Override
    public String toString() {
        return "EraseSubject[erasureId=" + erasureId + ", agreementId=" + agreementId + ", requestedOn=" + requestedOn
                + "]";
    }
}
