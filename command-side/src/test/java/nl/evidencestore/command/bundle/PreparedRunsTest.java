package nl.evidencestore.command.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventEnvelope;
import nl.evidencestore.shared.integrity.EventHash;
import org.junit.jupiter.api.Test;

class PreparedRunsTest {
    private static final String HASH = "ab".repeat(32);

    @Test
    void givesTheRunsInTheLinesOrderThoughTheyArePreparedSideBySide() throws InterruptedException {
        List<EventLine> lines = lines(305);
        List<EventLine> taken = new ArrayList<>();
        try (PreparedRuns runs = new PreparedRuns(lines.iterator(), 10, 3, 4, (run, deflaters) -> {
            // Uneven work: later runs often finish before earlier ones.
            LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(200_000));
            return new PreparedRun(run, List.of(), null, null, null);
        })) {
            runs.forEachRemaining(run -> taken.addAll(run.lines()));
        }
        assertThat(taken).containsExactlyElementsOf(lines);
    }

    @Test
    void failsWhereAPreparationFailed() throws InterruptedException {
        try (PreparedRuns runs = new PreparedRuns(lines(100).iterator(), 10, 2, 4, (run, deflaters) -> {
            if (run.get(0).envelope().sequence() == 30) {
                throw new IllegalStateException("the key store does not know the subject key k-1");
            }
            return new PreparedRun(run, List.of(), null, null, null);
        })) {
            runs.next();
            runs.next();
            runs.next();
            assertThatThrownBy(runs::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("k-1");
        }
    }

    @Test
    void failsWhereReadingFailed() throws InterruptedException {
        Iterator<EventLine> broken = IntStream.range(0, 100).mapToObj(i -> {
            if (i == 25) {
                throw new IllegalStateException("cannot read stored events");
            }
            return line(i);
        }).iterator();
        try (PreparedRuns runs = new PreparedRuns(broken, 10, 2, 4, (run, deflaters) -> new PreparedRun(run, List.of(), null, null, null))) {
            runs.next();
            runs.next();
            assertThatThrownBy(() -> {
                while (runs.hasNext()) {
                    runs.next();
                }
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot read stored events");
        }
    }

    private static List<EventLine> lines(int count) {
        return IntStream.range(0, count).mapToObj(PreparedRunsTest::line).toList();
    }

    private static EventLine line(int sequence) {
        Instant at = Instant.parse("2026-03-01T10:00:00Z").plusSeconds(sequence);
        return EventLine.stub(new EventEnvelope(EventEnvelope.VERSION, "e-" + sequence, "AccessRecorded", "agr-1",
                sequence, at, at, sequence == 0 ? EventHash.GENESIS : HASH, HASH), HASH);
    }
}
