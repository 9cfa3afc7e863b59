package nl.evidencestore.query.employee;

import java.time.Instant;
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
import nl.evidencestore.shared.event.employee.EmployeeEvent;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.rules.RegisterPeriod;
import nl.evidencestore.shared.rules.RegisteredEmployees;

/**
 * The employee register (Art. 2.3) for reading: each employee's events in stream order,
 * folded on demand by the same rules the verdicts use. Written by the feed's thread only.
 */
public final class EmployeeRegisterProjection implements Projection {
    public static final Set<String> EVENT_TYPES = EventTypes.namesOf(EmployeeEvent.class);

    private record Fact(long sequence, EmployeeEvent event) {
    }

    private final Map<String, List<Fact>> streams = new ConcurrentHashMap<>();
    private final Set<String> seenEventIds = ConcurrentHashMap.newKeySet();

    public void reloadFrom(TimelineIndex index) {
        index.storedEventsOfType(EVENT_TYPES).forEach(this::on);
    }

    @Override
    public void on(ForwardedEvent event) {
        if (!EVENT_TYPES.contains(event.type()) || seenEventIds.contains(event.eventId())) {
            return;
        }
        EmployeeEvent employeeEvent = (EmployeeEvent) Events.decode(event).orElseThrow();
        Fact fact = new Fact(event.sequence(), employeeEvent);
        // Replaced, never changed in place: queries read the list they got.
        streams.merge(employeeEvent.employeeId().value(), List.of(fact), (current, added) ->
                Stream.concat(current.stream(), added.stream())
                        .sorted(Comparator.comparingLong(Fact::sequence)).toList());
        seenEventIds.add(event.eventId());
    }

    /** Every employee ever registered, by id, with whether they were registered at {@code asOf}. */
    public List<EmployeeEntry> asOf(Instant asOf) {
        return streams.entrySet().stream()
                .map(stream -> entry(stream.getKey(), stream.getValue(), asOf))
                .sorted(Comparator.comparing(EmployeeEntry::employeeId))
                .toList();
    }

    private static EmployeeEntry entry(String employeeId, List<Fact> facts, Instant asOf) {
        RegisteredEmployees register = new RegisteredEmployees();
        String name = null;
        for (Fact fact : facts) {
            register.apply(fact.event());
            if (fact.event() instanceof EmployeeRegistered registered) {
                name = registered.name();
            }
        }
        List<RegisterPeriod> periods = register.periodsOf(employeeId);
        return new EmployeeEntry(employeeId, name, register.registeredAt(employeeId, asOf), periods.stream()
                .map(p -> new EmployeeEntry.Period(p.registeredOn(), p.revokedOn())).toList());
    }
}
