package nl.evidencestore.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamsTest {
    private final Streams<String, String> streams = new Streams<>();

    @Test
    void keepsEachStreamInSequenceOrderWhateverTheArrivalOrder() {
        streams.add("e2", "breach/b-1", 2, "closed");
        streams.add("e0", "breach/b-1", 0, "reported");
        streams.add("e1", "breach/b-1", 1, "confirmed");
        streams.add("e9", "breach/b-2", 0, "reported");

        assertThat(streams.stream("breach/b-1")).contains(java.util.List.of("reported", "confirmed", "closed"));
        assertThat(streams.all()).hasSize(2);
        assertThat(streams.stream("breach/none")).isEmpty();
    }

    @Test
    void aRedeliveredEventCountsOnce() {
        streams.add("e0", "breach/b-1", 0, "reported");
        streams.add("e0", "breach/b-1", 0, "reported");

        assertThat(streams.seen("e0")).isTrue();
        assertThat(streams.stream("breach/b-1")).contains(java.util.List.of("reported"));
    }
}
