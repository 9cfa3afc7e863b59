package nl.evidencestore.shared.subject;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads sealed subject references for what shows them (the bundle's timeline and report): the
 * plaintext while the subject's key exists, "erased" once it was destroyed. Nothing that reads
 * through it may keep the plaintext it gets. The query views never show the reference; they
 * only say whether it was erased.
 */
public interface SubjectRefs {
    Opened open(SealedSubject sealed);

    /** No key store at all (a benchmark's index of made-up accesses): nothing is erased, nothing can be read. */
    SubjectRefs NONE = new SubjectRefs() {
        @Override
        public Opened open(SealedSubject sealed) {
            return new UnknownKey(sealed.keyId());
        }

        @Override
        public Set<String> erased(Collection<String> keyIds) {
            return Set.of();
        }
    };

    /**
     * Many sealed references at once, by key id: what a bundle's timeline of a million rows needs
     * (one look-up per thousand rows, not per row). The default opens them one by one.
     */
    default Map<String, Opened> openAll(Collection<SealedSubject> sealed) {
        Map<String, Opened> opened = new HashMap<>();
        sealed.forEach(each -> opened.computeIfAbsent(each.keyId(), key -> open(each)));
        return opened;
    }

    /** Which of these key ids were erased: one look-up for a whole page of a view. */
    Set<String> erased(Collection<String> keyIds);

    /** What a sealed reference says today. */
    sealed interface Opened {
        /** The plaintext, when the subject is not erased. */
        default Optional<String> plaintext() {
            return this instanceof Readable readable ? Optional.of(readable.subjectRef()) : Optional.empty();
        }
    }

    /** The key exists: the reference in clear. {@link #toString()} leaves it out so that no log line carries it. */
    record Readable(String subjectRef) implements Opened {
        @Override
        public String toString() {
            return "Readable[subjectRef=…]";
        }
    }

    /** The subject was erased: its key was destroyed on purpose, and the store remembers that. */
    record Erased(String keyId) implements Opened {
    }

    /** No key of this id was ever known here (another store's events, or a lost key store). */
    record UnknownKey(String keyId) implements Opened {
    }
}
