package nl.evidencestore.query.audit;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import nl.evidencestore.query.Events;
import nl.evidencestore.query.Projection;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.audit.AuditEvent;
import nl.evidencestore.shared.event.audit.AuditRequested;
import nl.evidencestore.shared.event.audit.FindingsShared;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.AgreementId;

/**
 * Every agreement's audits (Art. 9) with their findings. Keyed by audit and finding id, so that
 * a redelivery changes nothing. Written by the feed's thread only.
 */
public final class AuditProjection implements Projection {
    public static final Set<String> EVENT_TYPES = EventTypes.namesOf(AuditEvent.class);

    public record Audit(String auditId, LocalDate requestedOn, String auditor, List<Finding> findings) {
        Audit withFinding(Finding finding) {
            return new Audit(auditId, requestedOn, auditor, Stream.concat(
                            findings.stream().filter(f -> !f.findingId().equals(finding.findingId())), Stream.of(finding))
                    .sorted(Comparator.comparing(Finding::sharedOn).thenComparing(Finding::findingId))
                    .toList());
        }
    }

    /** Art. 9.3: findings shared with the processor. */
    public record Finding(String findingId, String findings, LocalDate sharedOn) {
    }

    private final Map<AgreementId, Map<String, Audit>> byAgreement = new ConcurrentHashMap<>();

    public void reloadFrom(TimelineIndex index) {
        index.storedEventsOfType(EVENT_TYPES).forEach(this::on);
    }

    @Override
    public void on(ForwardedEvent event) {
        if (!EVENT_TYPES.contains(event.type())) {
            return;
        }
        AuditEvent auditEvent = (AuditEvent) Events.decode(event).orElseThrow();
        Map<String, Audit> audits = byAgreement.computeIfAbsent(auditEvent.agreementId(), id -> new ConcurrentHashMap<>());
        String auditId = auditEvent.auditId().value();
        if (auditEvent instanceof AuditRequested requested) {
            audits.compute(auditId, (id, known) -> new Audit(id, requested.requestedOn(), requested.auditor(),
                    known == null ? List.of() : known.findings()));
        } else if (auditEvent instanceof FindingsShared shared) {
            // Each event names its audit's agreement, so the order of arrival does not matter.
            audits.compute(auditId, (id, known) -> (known == null ? new Audit(id, null, null, List.of()) : known)
                    .withFinding(new Finding(shared.findingId(), shared.findings(), shared.sharedOn())));
        }
    }

    /** The agreement's audits, earliest request first. */
    public List<Audit> of(AgreementId agreementId) {
        return byAgreement.getOrDefault(agreementId, Map.of()).values().stream()
                .sorted(Comparator.comparing(Audit::requestedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Audit::auditId))
                .toList();
    }
}
