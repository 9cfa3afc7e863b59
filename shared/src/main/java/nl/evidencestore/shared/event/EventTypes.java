package nl.evidencestore.shared.event;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.evidencestore.shared.event.access.AccessEvent;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.audit.AuditEvent;
import nl.evidencestore.shared.event.disclosure.DisclosureEvent;
import nl.evidencestore.shared.event.employee.EmployeeEvent;
import nl.evidencestore.shared.event.securitymeasure.SecurityMeasureEvent;
import nl.evidencestore.shared.event.breach.BreachEvent;
import nl.evidencestore.shared.event.mirror.MirroredFact;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestEvent;

/**
 * Stable domain names for event types, as they travel on Kafka and into evidence: a Java
 * class may move, the name a verifier reads must not. The name is the record's simple name;
 * every event is a permitted subtype of one of the sealed roots below.
 */
public final class EventTypes {
    /** One sealed interface per stream kind; a new room adds its root here. */
    private static final List<Class<? extends EvidenceEvent>> ROOTS = List.of(
            AgreementEvent.class,
            AccessEvent.class,
            EmployeeEvent.class,
            SecurityMeasureEvent.class,
            DisclosureEvent.class,
            AuditEvent.class,
            BreachEvent.class,
            SubjectRequestEvent.class,
            MirroredFact.class);

    private static final Map<String, Class<? extends EvidenceEvent>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, String> BY_CLASS = new LinkedHashMap<>();

    static {
        ROOTS.forEach(root -> {
            for (Class<?> type : root.getPermittedSubclasses()) {
                register(type.getSimpleName(), type.asSubclass(EvidenceEvent.class));
            }
        });
    }

    private EventTypes() {
    }

    private static void register(String name, Class<? extends EvidenceEvent> type) {
        if (BY_NAME.putIfAbsent(name, type) != null) {
            throw new IllegalStateException("two event types named " + name);
        }
        BY_CLASS.put(type, name);
    }

    public static String nameOf(Class<?> type) {
        String name = BY_CLASS.get(type);
        if (name == null) {
            throw new IllegalArgumentException("not an evidence event type: " + type.getName());
        }
        return name;
    }

    public static Optional<Class<? extends EvidenceEvent>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The names of every event type of one sealed root: what a projection of that stream folds. */
    public static Set<String> namesOf(Class<? extends EvidenceEvent> root) {
        return Arrays.stream(root.getPermittedSubclasses()).map(EventTypes::nameOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
