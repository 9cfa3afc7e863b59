package nl.evidencestore.command.mirror;

import java.util.Comparator;
import java.util.List;
import nl.evidencestore.command.agreement.MirrorFact;
import nl.evidencestore.shared.event.audit.AuditEvent;
import nl.evidencestore.shared.event.audit.FindingsShared;
import nl.evidencestore.shared.event.breach.BreachEvent;
import nl.evidencestore.shared.event.breach.BreachReported;
import nl.evidencestore.shared.event.mirror.AgreementOnly;
import nl.evidencestore.shared.event.mirror.AuditFactMirrored;
import nl.evidencestore.shared.event.mirror.BreachFactMirrored;
import nl.evidencestore.shared.event.mirror.SourceEvent;
import nl.evidencestore.shared.event.mirror.SubjectRequestFactMirrored;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestEvent;
import nl.evidencestore.shared.model.AgreementId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MessageIdentifier;

/**
 * Every fact of a breach, a subject request or an audit that concerns an agreement enters that
 * agreement's own chain (evidence-bundle.md, "Facts about A that live in other streams"), with
 * the source event's id and hash, so that an agreement's bundle proves them with completeness.
 *
 * <p>Driven by a tracking processor of its own whose token is stored: a crash between a source
 * event and its mirror is taken up again at restart, and the agreement ignores a source event
 * it has entered already.
 */
public final class FactsForAgreements {
    private final CommandGateway commands;
    private final SourceEvents sources;
    private final EventStore events;

    public FactsForAgreements(CommandGateway commands, SourceEvents sources, EventStore events) {
        this.commands = commands;
        this.sources = sources;
        this.events = events;
    }

    @EventHandler
    void on(BreachEvent event, @MessageIdentifier String eventId) {
        SourceEvent source = sources.of(eventId, event.getClass());
        for (AgreementId agreement : affectedBy(event)) {
            AgreementOnly.breach(event, agreement).ifPresent(fact -> commands.sendAndWait(
                    new MirrorFact(agreement, new BreachFactMirrored(agreement, source, fact))));
        }
    }

    @EventHandler
    void on(SubjectRequestEvent event, @MessageIdentifier String eventId) {
        SourceEvent source = sources.of(eventId, event.getClass());
        AgreementId agreement = event.agreementId();
        commands.sendAndWait(new MirrorFact(agreement,
                new SubjectRequestFactMirrored(agreement, source, AgreementOnly.request(event))));
    }

    @EventHandler
    void on(AuditEvent event, @MessageIdentifier String eventId) {
        if (event instanceof FindingsShared) {
            // Its request first, which the agreement ignores when entered already: a store upgraded
            // from a version that did not mirror audits passed an audit's request before this
            // handler existed, and the verifier holds findings to a request before them.
            DomainEventMessage<?> requested = events.readEvents(event.streamId(), 0).next();
            commands.sendAndWait(auditFact((AuditEvent) requested.getPayload(),
                    sources.of(requested.getIdentifier(), requested.getPayloadType())));
        }
        commands.sendAndWait(auditFact(event, sources.of(eventId, event.getClass())));
    }

    /** An audit concerns the one agreement it names: its request and each of its findings enter that chain. */
    static MirrorFact auditFact(AuditEvent event, SourceEvent source) {
        AgreementId agreement = event.agreementId();
        return new MirrorFact(agreement, new AuditFactMirrored(agreement, source, event));
    }

    /**
     * The agreements a breach affects, as its report (the first event of its stream) names them,
     * by id: each is locked to the commit, in the order access batches take them, so they queue
     * instead of deadlocking.
     */
    private List<AgreementId> affectedBy(BreachEvent event) {
        List<AgreementId> affected = event instanceof BreachReported reported ? reported.agreementIds()
                : ((BreachReported) events.readEvents(event.streamId(), 0).next().getPayload()).agreementIds();
        return affected.stream().sorted(Comparator.comparing(AgreementId::value)).toList();
    }
}
