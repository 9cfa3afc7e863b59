package nl.evidencestore.query.agreement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything recorded about one agreement, in stream order. Immutable: the feed replaces it
 * while queries fold the copy they hold.
 */
record AgreementHistory(List<RecordedFact> facts) {
    static final AgreementHistory EMPTY = new AgreementHistory(List.of());

    AgreementHistory {
        facts = List.copyOf(facts);
    }

    AgreementHistory with(RecordedFact fact) {
        List<RecordedFact> next = new ArrayList<>(facts);
        next.add(fact);
        // Kafka keeps a stream's order; sorting anyway makes the fold independent of it.
        next.sort(Comparator.comparingLong(RecordedFact::sequence));
        return new AgreementHistory(next);
    }

    Optional<AgreementState> asOf(Instant asOf, Instant knownAt, long position) {
        AgreementFold fold = new AgreementFold(asOf);
        facts.stream().filter(fact -> fact.knownAt(knownAt)).forEach(fact -> fold.apply(fact.event()));
        return fold.state(knownAt, position);
    }
}
