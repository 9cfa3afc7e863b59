package nl.evidencestore.command.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.agreement.AgreementTerminated;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.event.agreement.AmendmentObjected;
import nl.evidencestore.shared.event.agreement.AmendmentProposed;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.event.agreement.PurposeAdded;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentGranted;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentRevoked;
import nl.evidencestore.shared.event.agreement.TransferConsentGranted;
import nl.evidencestore.shared.event.employee.EmployeeEvent;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.event.employee.EmployeeRevoked;
import nl.evidencestore.shared.model.ValidTime;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;

/**
 * Bitemporal verdicts (domain.md): a verdict is computed once, when its access is appended.
 * A term recorded later whose valid time starts before it was recorded (a consent granted on
 * an earlier date, an effective date reached before the second signature was filed, an
 * objection filed after the amendment's effective date had passed), or an
 * employee registered or revoked from an earlier date (Art. 2.3), may change the answer for
 * accesses already judged: those are judged again and every changed
 * verdict is appended as {@code VerdictReassessed}, the original staying on the record.
 *
 * <p>Driven by a tracking processor of its own, in its transaction: a crash between the fact
 * and its reassessment is taken up again at restart, and a repeated reassessment appends
 * nothing (it compares with the verdicts as reassessed already).
 */
public final class BackDatedFacts {
    private final CommandGateway commands;
    private final EmployeeAgreements employeeAgreements;

    public BackDatedFacts(CommandGateway commands, EmployeeAgreements employeeAgreements) {
        this.commands = commands;
        this.employeeAgreements = employeeAgreements;
    }

    @EventHandler
    void on(AgreementEvent event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        validFrom(event).map(ValidTime::startOf).filter(from -> from.isBefore(recordedAt))
                .ifPresent(from -> commands.sendAndWait(new ReassessVerdicts(event.agreementId(), eventId, from)));
    }

    /**
     * Art. 2.3: a registration or revocation dated before it was recorded may change the verdicts
     * of the employee's accesses under any agreement: each of those agreements judges its
     * accesses since that day again, one after the other in the order of their ids.
     */
    @EventHandler
    void on(EmployeeEvent event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        Instant from = ValidTime.startOf(validFrom(event));
        if (from.isBefore(recordedAt)) {
            employeeAgreements.actedUnder(event.employeeId().value())
                    .forEach(agreementId -> commands.sendAndWait(new ReassessVerdicts(agreementId, eventId, from)));
        }
    }

    /** The day from which a registration or revocation changes who was registered. */
    static LocalDate validFrom(EmployeeEvent event) {
        if (event instanceof EmployeeRegistered registered) {
            return registered.confidentialitySignedOn();
        }
        return ((EmployeeRevoked) event).revokedOn();
    }

    /** The day from which a term changes the verdicts; empty for facts that change none. */
    static Optional<LocalDate> validFrom(AgreementEvent event) {
        if (event instanceof PurposeAdded added) {
            return Optional.of(added.grantedOn());
        } else if (event instanceof SubProcessorConsentGranted granted) {
            return Optional.of(granted.grantedOn());
        } else if (event instanceof SubProcessorConsentRevoked revoked) {
            return Optional.of(revoked.revokedOn());
        } else if (event instanceof TransferConsentGranted granted) {
            return Optional.of(granted.grantedOn());
        } else if (event instanceof InstructionRegistered instruction) {
            return Optional.of(instruction.issuedOn());
        } else if (event instanceof AgreementTookEffect tookEffect) {
            return Optional.of(tookEffect.effectiveOn());
        } else if (event instanceof AmendmentProposed amendment) {
            return Optional.of(amendment.effectiveOn());
        } else if (event instanceof AmendmentObjected objection) {
            // Art. 11.3: the amendment then never took effect. The objection does not carry its
            // effective date, but is dated before it (the agreement refuses it otherwise): from its
            // day on covers every access judged under the amendment, and those before the effective
            // date keep their verdicts, so nothing is appended for them.
            return Optional.of(objection.objectedOn());
        } else if (event instanceof AgreementTerminated terminated) {
            return Optional.of(terminated.terminatedOn());
        }
        return Optional.empty();
    }
}
