package nl.evidencestore.command.subject;

import java.util.Collection;
import java.util.Optional;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.subject.SealedSubject;

/**
 * What command handlers need of the key store: seal references before they enter an event, and
 * destroy a subject's key. Both only inside a command's unit of work, so that a key is created
 * or destroyed in the same transaction as the event that names it.
 */
public interface SubjectSeals {
    /** Looks every reference up at once (one query for a batch) and seals any of them afterwards. */
    Sealer forSubjects(ControllerId controller, Collection<String> subjectRefs);

    /** Destroys the subject's key and its lookup; the id of the destroyed key, or empty when there was none. */
    Optional<String> erase(ControllerId controller, String subjectRef);

    /** Seals the references that {@link #forSubjects} looked up. */
    @FunctionalInterface
    interface Sealer {
        SealedSubject seal(String subjectRef);
    }
}
