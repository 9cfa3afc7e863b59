package nl.evidencestore.command.agreement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import nl.evidencestore.command.access.AccessPolicy;
import nl.evidencestore.command.access.RecordAccesses;
import nl.evidencestore.command.access.ReportedAccess;
import nl.evidencestore.command.disclosure.RecordDisclosure;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.agreement.AgreementSigned;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.event.disclosure.DisclosureRecorded;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.rules.AccessFacts;
import nl.evidencestore.shared.rules.AccessRules;
import nl.evidencestore.shared.rules.EmployeeRegister;
import nl.evidencestore.shared.rules.ReferenceData;
import nl.evidencestore.shared.rules.DisclosureRules;
import nl.evidencestore.shared.terms.AgreementTerms;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One processing agreement. Its lifecycle events fold into {@link AgreementTerms}, the same
 * bitemporal model the query side shows and the verifier checks with; command handlers are
 * guard clauses on it, then {@code apply}.
 */
public class Agreement {
    @AggregateIdentifier
    private AgreementId agreementId;
    private final AgreementTerms terms = new AgreementTerms();
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

    // Art. 11.1 and the signature block

    @CommandHandler
    void handle(SignAgreement command) {
        if (signatures.containsKey(command.party())) {
            throw new RuleViolation("11.1", "the " + command.party() + " has signed already; each party signs once");
        }
        String drafted = terms.draft().orElseThrow().documentSha256();
        if (command.documentSha256() != null && !command.documentSha256().equals(drafted)) {
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

    // Art. 1, 2.3, 3, 11 and Annex 1: every access is recorded, judged as the agreement stood when it occurred

    @CommandHandler
    void handle(RecordAccesses command, EmployeeRegister register, AccessPolicy policy) {
        Instant now = GenericEventMessage.clock.instant();
        // Art. 2.3 read once for the whole batch, consistent with this transaction.
        EmployeeRegister employees = register.forEmployees(command.accesses().stream()
                .filter(access -> access.actor().kind() == ActorKind.EMPLOYEE).map(access -> access.actor().id()).toList());
        for (ReportedAccess access : command.accesses()) {
            AccessRules.Judgement judgement = AccessRules.judge(new AccessFacts(access.actor(), access.purpose(),
                    access.instructionRef(), access.categories(), access.country(), access.occurredAt()), terms, employees);
            boolean late = access.occurredAt().plus(policy.recordedLateAfter()).isBefore(now);
            apply(new AccessRecorded(agreementId, access.accessId(), access.actor(), access.purpose(),
                    access.instructionRef(), access.categories(), access.subjectRef(), access.country(),
                    access.system(), access.occurredAt(), judgement.verdict(), judgement.instructionVerified(), late,
                    ReferenceData.VERSION));
        }
    }

    // Art. 8

    /** Recorded whatever its basis: the verdict says whether Art. 8.2 allowed it. */
    @CommandHandler
    void handle(RecordDisclosure command) {
        apply(new DisclosureRecorded(agreementId, command.disclosureId(), command.recipient(), command.legalBasis(),
                command.consentReference(), command.description(), command.categories(), command.disclosedOn(),
                DisclosureRules.judge(command.legalBasis(), command.consentReference())));
    }

    @EventSourcingHandler
    void on(AgreementEvent event) {
        terms.apply(event);
        if (event instanceof AgreementDrafted drafted) {
            agreementId = drafted.agreementId();
        } else if (event instanceof AgreementSigned signed) {
            signatures.put(signed.party(), signed.signedOn());
        }
    }
}
