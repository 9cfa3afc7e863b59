package nl.evidencestore.query;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import nl.evidencestore.shared.subject.SealedSubject;
import nl.evidencestore.shared.subject.SubjectRefs;

/** The key store as the timeline asks it: which keys were erased. Views never open a reference. */
public final class ErasedKeys implements SubjectRefs {
    private final Set<String> erased = new HashSet<>();

    public void erase(String keyId) {
        erased.add(keyId);
    }

    @Override
    public Opened open(SealedSubject sealed) {
        throw new AssertionError("a view opened a sealed subject reference");
    }

    @Override
    public Set<String> erased(Collection<String> keyIds) {
        return keyIds.stream().filter(erased::contains).collect(Collectors.toSet());
    }
}
