package nl.evidencestore.command.agreement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.AgreementSigned;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Party;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** One processing agreement: the rules of Art. 11.1 and the signature block. */
public class Agreement {
    @AggregateIdentifier
    private AgreementId agreementId;
    private String documentSha256;
    private final Map<Party, LocalDate> signatures = new EnumMap<>(Party.class);

    Agreement() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Agreement(DraftAgreement command) {
        apply(new AgreementDrafted(command.agreementId(), command.controller(), command.processor(),
                command.documentSha256(), command.version(), command.dataCategories(), command.purposes(),
                command.subProcessors(), command.requireRegisteredInstructions()));
    }

    @CommandHandler
    void handle(SignAgreement command) {
        if (signatures.containsKey(command.party())) {
            throw new RuleViolation("11.1", "the " + command.party() + " has signed already; each party signs once");
        }
        if (command.documentSha256() != null && !command.documentSha256().equals(documentSha256)) {
            throw new RuleViolation("11.1", "the signed document's hash differs from the drafted agreement text");
        }
        apply(new AgreementSigned(agreementId, command.party(), command.signatory(), command.place(),
                command.signedOn(), command.documentSha256()));
        if (signatures.size() == Party.values().length) {
            apply(new AgreementTookEffect(agreementId, lastSignature()));
        }
    }

    /** Art. 11.1: effective on the date of the last signature. */
    private LocalDate lastSignature() {
        return signatures.values().stream().max(LocalDate::compareTo).orElseThrow();
    }

    @EventSourcingHandler
    void on(AgreementDrafted event) {
        agreementId = event.agreementId();
        documentSha256 = event.documentSha256();
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        signatures.put(event.party(), event.signedOn());
    }
}
