package nl.evidencestore.shared.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.AgreementSigned;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;

/**
 * Stable domain names for event types, as they travel on Kafka and into evidence: a Java
 * class may move or be renamed, the name a verifier reads must not.
 */
public final class EventTypes {
    private static final Map<String, Class<? extends EvidenceEvent>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, String> BY_CLASS = new LinkedHashMap<>();

    static {
        register("AgreementDrafted", AgreementDrafted.class);
        register("AgreementSigned", AgreementSigned.class);
        register("AgreementTookEffect", AgreementTookEffect.class);
    }

    private EventTypes() {
    }

    private static void register(String name, Class<? extends EvidenceEvent> type) {
        BY_NAME.put(name, type);
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
}
