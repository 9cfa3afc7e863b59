package nl.evidencestore.command.audit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import nl.evidencestore.command.agreement.KnownAgreements;
import nl.evidencestore.command.time.StoreTime;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.audit.AuditRequested;
import nl.evidencestore.shared.event.audit.FindingsShared;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AuditId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** One audit of one agreement (Art. 9): requested by the controller, its findings shared with the processor. */
public class Audit {
    @AggregateIdentifier
    private AuditId auditId;
    private AgreementId agreementId;
    private LocalDate requestedOn;

    Audit() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Audit(RequestAudit command, KnownAgreements agreements) {
        if (!agreements.exists(command.agreementId())) {
            throw new RuleViolation(null, "no agreement with this id exists");
        }
        apply(new AuditRequested(command.auditId(), command.agreementId(), command.requestedOn(), command.auditor()));
    }

    /** Created if missing only to refuse findings of an audit never requested, in words of our own. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ShareFindings command) {
        if (auditId == null) {
            throw new RuleViolation(null, "no audit with this id exists");
        }
        if (command.sharedOn().isBefore(requestedOn)) {
            throw new RuleViolation("9.3", "findings cannot be shared before the audit was requested");
        }
        StoreTime.notInFuture(command.sharedOn(), "sharedOn");
        apply(new FindingsShared(auditId, agreementId, command.findingId(), command.findings(), command.sharedOn()));
    }

    @EventSourcingHandler
    void on(AuditRequested event) {
        auditId = event.auditId();
        agreementId = event.agreementId();
        requestedOn = event.requestedOn();
    }
}
