package nl.evidencestore.command.access;

import java.time.Instant;
import java.time.LocalDate;
import nl.evidencestore.shared.event.agreement.AgreementTerminated;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.event.agreement.AmendmentProposed;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.event.agreement.PurposeAdded;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentGranted;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentRevoked;
import nl.evidencestore.shared.event.agreement.TransferConsentGranted;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ValidTime;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;

/**
 * Bitemporal verdicts (domain.md): a verdict is computed once, when its access is appended.
 * A term recorded later whose valid time starts before it was recorded (a consent granted on
 * an earlier date, an effective date reached before the second signature was filed) may
 * change the answer for accesses already judged: those are judged again and every changed
 * verdict is appended as {@code VerdictReassessed}, the original staying on the record.
 *
 * <p>Driven by a tracking processor of its own, in its transaction: a crash between the fact
 * and its reassessment is taken up again at restart, and a repeated reassessment appends
 * nothing (it compares with the verdicts as reassessed already).
 */
public final class BackDatedFacts {
    private final CommandGateway commands;

    public BackDatedFacts(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PurposeAdded event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        reassess(event.agreementId(), eventId, event.grantedOn(), recordedAt);
    }

    @EventHandler
    void on(SubProcessorConsentGranted event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        reassess(event.agreementId(), eventId, event.grantedOn(), recordedAt);
    }

    @EventHandler
    void on(SubProcessorConsentRevoked event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        reassess(event.agreementId(), eventId, event.revokedOn(), recordedAt);
    }

    @EventHandler
    void on(TransferConsentGranted event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        reassess(event.agreementId(), eventId, event.grantedOn(), recordedAt);
    }

    @EventHandler
    void on(InstructionRegistered event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        reassess(event.agreementId(), eventId, event.issuedOn(), recordedAt);
    }

    @EventHandler
    void on(AgreementTookEffect event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        reassess(event.agreementId(), eventId, event.effectiveOn(), recordedAt);
    }

    @EventHandler
    void on(AmendmentProposed event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        reassess(event.agreementId(), eventId, event.effectiveOn(), recordedAt);
    }

    @EventHandler
    void on(AgreementTerminated event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        reassess(event.agreementId(), eventId, event.terminatedOn(), recordedAt);
    }

    private void reassess(AgreementId agreementId, String causeEventId, LocalDate validOn, Instant recordedAt) {
        Instant validFrom = ValidTime.startOf(validOn);
        if (validFrom.isBefore(recordedAt)) {
            commands.sendAndWait(new ReassessVerdicts(agreementId, causeEventId, validFrom));
        }
    }
}
