package nl.evidencestore.shared.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.integrity.EventEnvelope;
import org.junit.jupiter.api.Test;

class StreamEndsTest {
    private static final String HEX = "0".repeat(64);

    @Test
    void each_stream_ends_at_its_last_line_in_the_order_streams_first_appear_even_when_interleaved() {
        StreamEnds ends = new StreamEnds("agr-1", 2);
        long number = 0;
        for (EventLine line : List.of(line("agr-1", 1), line("agr-1", 2), line("emp-b", 1), line("agr-1", 3),
                line("emp-a", 1), line("emp-b", 2))) {
            ends.accept(new LineFacts(++number, line, null, true, true, true, null, null, null));
        }
        ends.accept(new LineFacts(++number, null, "not an event", false, false, false, null, null, null));

        assertThat(ends.lastLines()).containsOnlyKeys("agr-1", "emp-b", "emp-a");
        assertThat(ends.lastLines().keySet()).containsExactly("agr-1", "emp-b", "emp-a");
        assertThat(ends.lastLines().get("agr-1").hash()).isEqualTo("agr-1#3");
        assertThat(ends.lastLines().get("emp-b").hash()).isEqualTo("emp-b#2");
        assertThat(ends.agreementHead().orElseThrow().hash()).isEqualTo("agr-1#3");
        assertThat(ends.watchedHash()).hasValue("agr-1#2");
    }

    @Test
    void a_bundle_without_lines_has_no_ends() {
        StreamEnds ends = new StreamEnds("agr-1", 0);

        assertThat(ends.lastLines()).isEmpty();
        assertThat(ends.agreementHead()).isEmpty();
        assertThat(ends.watchedHash()).isEmpty();
    }

    private static EventLine line(String stream, long sequence) {
        Instant at = Instant.parse("2026-03-01T09:00:00Z").plusSeconds(sequence);
        return EventLine.stub(new EventEnvelope(1, stream + "-e" + sequence, "AccessRecorded", stream, sequence, at, at, HEX, HEX),
                stream + "#" + sequence);
    }
}
