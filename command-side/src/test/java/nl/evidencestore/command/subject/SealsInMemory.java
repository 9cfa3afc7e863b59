package nl.evidencestore.command.subject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.subject.SealedSubject;

/**
 * {@link SubjectSeals} for aggregate tests: predictable seals (the key id names the controller
 * and a counter; the "ciphertext" is base64 of the reference), so that expected events can be
 * written down. The real sealing is tested against PostgreSQL in infra ({@code SubjectKeysIT}).
 */
public final class SealsInMemory implements SubjectSeals {
    private final Map<String, String> keyIds = new HashMap<>();
    private int made;

    /** The seal a test expects for the reference under this controller's current key. */
    public SealedSubject sealOf(ControllerId controller, String subjectRef) {
        String keyId = keyIds.computeIfAbsent(controller.value() + "/" + subjectRef,
                name -> controller.value() + "-key-" + (++made));
        return new SealedSubject(keyId,
                Base64.getEncoder().encodeToString(subjectRef.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Sealer forSubjects(ControllerId controller, Collection<String> subjectRefs) {
        return ref -> sealOf(controller, ref);
    }

    @Override
    public Optional<String> erase(ControllerId controller, String subjectRef) {
        return Optional.ofNullable(keyIds.remove(controller.value() + "/" + subjectRef));
    }
}
