package nl.evidencestore.command.securitymeasure;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import nl.evidencestore.shared.event.securitymeasure.SecurityMeasureRecorded;
import nl.evidencestore.shared.model.SecurityMeasureId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** One security measure of the processor (Art. 5); it goes into the evidence for every controller (Art. 2.2). */
public class SecurityMeasure {
    @AggregateIdentifier
    private SecurityMeasureId measureId;

    SecurityMeasure() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    SecurityMeasure(RecordSecurityMeasure command) {
        apply(new SecurityMeasureRecorded(command.measureId(), command.description(), command.since(),
                command.evidenceReference()));
    }

    @EventSourcingHandler
    void on(SecurityMeasureRecorded event) {
        measureId = event.measureId();
    }
}
